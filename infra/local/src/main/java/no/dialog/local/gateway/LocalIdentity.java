package no.dialog.local.gateway;

import java.util.Map;

/**
 * How the local stack signs staff in: as the template's external OIDC issuer ({@code IdentityProvider=external},
 * docs/adr/0023). Its {@link DevTokenIssuer} plays that issuer and issues the claims the Cognito trigger
 * would ({@code tenant}, {@code roles}, {@code platform-admin} when asked); the user pool and its trigger are
 * not created locally, and the admin API, given no pool, answers that new organisations' admins are to be
 * added at the identity provider.
 */
public final class LocalIdentity {

    public static final String ISSUER = "https://local.dialog/";
    public static final String AUDIENCE = "dialog-admin";

    private LocalIdentity() {
    }

    /** The template parameters that make the local stack's dev tokens the staff tokens. */
    public static Map<String, String> templateParameters() {
        return Map.of("IdentityProvider", "external", "ExternalIssuer", ISSUER, "ExternalAudience", AUDIENCE);
    }
}
