package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** Query parameters straight from the API Gateway event (HTTP API decodes them). */
final class QueryParameters {

    private QueryParameters() {}

    /** The parameter's value, or null when absent or empty. */
    static String get(APIGatewayV2HTTPEvent request, String name) {
        Map<String, String> parameters = request.getQueryStringParameters();
        if (parameters == null) {
            return null;
        }
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
