package no.dialog.providers.make;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How Dialog reaches Make's subscribers API (docs/providers/make.md). The account (user id and API key)
 * is per organisation and comes with each subscription, not from here.
 *
 * @param baseUrl             {@code https://subscribers.dialogapi.no/api/public/v2}; the local stack
 *                            points it at its sandbox
 * @param defaultConsentField the subscriber field that records consent when the account names none
 * @param connectTimeout      2 s by default
 * @param requestTimeout      5 s by default
 */
public record MakeSettings(URI baseUrl, String defaultConsentField, Duration connectTimeout, Duration requestTimeout) {

    public static final String DEFAULT_BASE_URL = "https://subscribers.dialogapi.no/api/public/v2";
    /** Make's own field for e-mail consent ("samtykke e-post"), present on every account. */
    public static final String DEFAULT_CONSENT_FIELD = "SAMTYKKEEPOST";
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    public MakeSettings {
        Objects.requireNonNull(baseUrl, "Make base URL");
        if (defaultConsentField == null || !FIELD.matcher(defaultConsentField).matches()) {
            throw new IllegalArgumentException("the Make consent field must be an upper-case field key such as"
                    + " SAMTYKKEEPOST (MAKE_CONSENT_FIELD)");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** With the default timeouts; blank values take the defaults. */
    public static MakeSettings of(String baseUrl, String consentField) {
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
        String field = consentField == null || consentField.isBlank() ? DEFAULT_CONSENT_FIELD : consentField.strip();
        return new MakeSettings(URI.create(base), field, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public MakeSettings withTimeouts(Duration connect, Duration request) {
        return new MakeSettings(baseUrl, defaultConsentField, connect, request);
    }
}
