package no.dialog.local.template;

/**
 * An HTTP API route that calls the function.
 *
 * @param name         the key under {@code Events}
 * @param apiLogicalId the API ({@value ResourceTypes#IMPLICIT_HTTP_API} when the event names none)
 * @param path         e.g. {@code /admin/v1/contacts/{id}}, or {@code $default}
 * @param method       upper case, e.g. {@code GET}, or {@code ANY}
 * @param authorizer   the authorizer guarding the route (its own, else the API's default), or {@code null}
 *                     for an open route ({@code NONE})
 */
public record HttpApiEventSpec(String name, String apiLogicalId, String path, String method, String authorizer)
        implements FunctionEventSpec {

    public boolean isOpen() {
        return authorizer == null;
    }
}
