package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the Vipps sandbox refuses, answered as Vipps does: RFC 7807 problem JSON with
 * {@code type, title, status, detail, instance, traceId} and, for a field, {@code extraDetails[{name, reason}]}.
 */
final class VippsProblem extends RuntimeException {

    static final String TYPE = "https://developer.vippsmobilepay.com/docs/APIs/epayment-api/api-guide/errors";

    final int status;
    final String field;

    VippsProblem(int status, String detail) {
        this(status, null, detail);
    }

    VippsProblem(int status, String field, String detail) {
        super(field == null ? detail : field + ": " + detail);
        this.status = status;
        this.field = field;
    }

    static VippsProblem badRequest(String field, String reason) {
        return new VippsProblem(400, field, reason);
    }

    ObjectNode body(String instance) {
        ObjectNode body = SandboxHttp.JSON.createObjectNode();
        body.put("type", TYPE);
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        body.put("traceId", SandboxHttp.newId(""));
        if (field != null) {
            body.putArray("extraDetails").addObject().put("name", field).put("reason", super.getMessage()
                    .substring(field.length() + 2));
        }
        return body;
    }

    private static String title(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            default: return "Error";
        }
    }
}
