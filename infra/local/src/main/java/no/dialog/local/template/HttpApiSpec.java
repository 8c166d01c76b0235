package no.dialog.local.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP API (API Gateway v2) and its authorizers.
 *
 * @param logicalId         the key under {@code Resources} ({@value ResourceTypes#IMPLICIT_HTTP_API} for the
 *                          API SAM creates for events without {@code ApiId})
 * @param jwtAuthorizers    JWT authorizers by name
 * @param otherAuthorizers  names of authorizers of other kinds (Lambda), which the local gateway cannot run
 * @param defaultAuthorizer the authorizer routes get when they name none, or {@code null}
 */
public record HttpApiSpec(
        String logicalId,
        Map<String, JwtAuthorizer> jwtAuthorizers,
        Set<String> otherAuthorizers,
        String defaultAuthorizer) {

    /**
     * A JWT authorizer: tokens must come from {@code issuer} and name one of {@code audiences}.
     *
     * @param name           its name under {@code Auth.Authorizers}
     * @param issuer         the expected {@code iss}
     * @param audiences      accepted {@code aud} values
     * @param identitySource where the token is, e.g. {@code $request.header.Authorization}
     */
    public record JwtAuthorizer(String name, String issuer, List<String> audiences, String identitySource) {
    }

    public boolean hasAuthorizer(String name) {
        return jwtAuthorizers.containsKey(name) || otherAuthorizers.contains(name);
    }
}
