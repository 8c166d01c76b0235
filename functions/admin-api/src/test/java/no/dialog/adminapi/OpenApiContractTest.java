package no.dialog.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: what it lets through and what it refuses, on answers made up here. */
class OpenApiContractTest {

    private static final String SEGMENT = "{\"id\":\"s-1\",\"name\":\"Studenter\",\"criteria\":{\"field\":\"membership.type\","
            + "\"op\":\"equals\",\"value\":\"student\"},\"updatedAt\":\"2026-11-23T12:30:00Z\"}";

    private static APIGatewayV2HTTPResponse answer(int status, String type, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(Map.of("Content-Type", type))
                .withBody(body).build();
    }

    private static OpenApiContract contract() {
        return OpenApiContract.get();
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(200, "application/json", SEGMENT))).isEmpty();
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no such segment\"}"))).isEmpty();
    }

    @Test
    void aFieldTheDocumentDoesNotNameFails() {
        String extra = SEGMENT.replace("{\"id\"", "{\"owner\":\"kari\",\"id\"");
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(200, "application/json", extra)))
                .singleElement().asString().contains("owner");
    }

    @Test
    void aNestedFieldTheDocumentDoesNotNameFailsToo() {
        String body = "{\"segments\":[" + SEGMENT.replace("\"name\"", "\"secret\":1,\"name\"") + "]}";
        assertThat(contract().check("GET", "/admin/v1/segments", answer(200, "application/json", body))).isNotEmpty();
    }

    @Test
    void aMissingRequiredFieldOrAWrongTypeFails() {
        assertThat(contract().check("GET", "/admin/v1/segments/s-1",
                answer(200, "application/json", "{\"id\":\"s-1\",\"name\":\"x\"}"))).isNotEmpty();
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":\"404\",\"detail\":\"x\"}"))).isNotEmpty();
    }

    @Test
    void anUndocumentedStatusContentTypeOrRouteFails() {
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(418, "application/json", "{}")))
                .singleElement().asString().contains("status not documented");
        assertThat(contract().check("GET", "/admin/v1/segments/s-1", answer(404, "application/json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"x\"}")))
                .singleElement().asString().contains("Content-Type application/json not documented");
        assertThat(contract().check("GET", "/admin/v1/elsewhere", answer(200, "application/json", "{}")))
                .singleElement().asString().contains("not a documented route");
    }

    @Test
    void aBodyWhereNoneIsDocumentedFails() {
        assertThat(contract().check("DELETE", "/admin/v1/segments/s-1", answer(204, "application/json", "")).isEmpty()).isTrue();
        assertThat(contract().check("DELETE", "/admin/v1/segments/s-1", answer(204, "application/json", "{}"))).isNotEmpty();
    }

    @Test
    void aValidationProblemMustListItsErrorsByPath() {
        String problem = "{\"type\":\"urn:dialog:problem:invalid-segment\",\"title\":\"invalid segment\",\"status\":400,"
                + "\"detail\":\"1 problem\",\"errors\":[{\"path\":\"criteria.op\",\"message\":\"unknown operator\"}]}";
        assertThat(contract().check("POST", "/admin/v1/segments", answer(400, "application/problem+json", problem))).isEmpty();
        assertThat(contract().check("POST", "/admin/v1/segments", answer(400, "application/problem+json",
                problem.replace("\"path\"", "\"field\"")))).isNotEmpty();
    }
}
