package no.dialog.adminapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The framework's own error answers (no route for the path, a method the path does not take, an
 * exception nobody caught) in the API's one error shape, {@link ApiErrors}. Micronaut's default answers
 * with its own JSON and a message that may quote the path or the exception, which can carry ids or
 * personal data; these details are fixed texts per status instead.
 */
@Singleton
final class ProblemErrorResponses implements ErrorResponseProcessor<String> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<String> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        HttpResponse<String> problem = ApiErrors.of(status, detail(status));
        MutableHttpResponse<String> answer = (MutableHttpResponse<String>) response;
        return answer.contentType(ApiErrors.PROBLEM_JSON_TYPE).body(problem.body());
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "no such route: see docs/openapi.yaml for the API's paths";
            case METHOD_NOT_ALLOWED -> "this path does not take this method";
            case UNSUPPORTED_MEDIA_TYPE -> "the body's Content-Type is not one this route takes";
            case NOT_ACCEPTABLE -> "this route answers application/json (errors application/problem+json)";
            case BAD_REQUEST -> "the request could not be read";
            default -> status.getCode() >= 500
                    ? "the request failed inside the API; its logs have the cause under the request id"
                    : status.getReason();
        };
    }
}
