package no.dialog.providers.vipps;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Dialog reaches Vipps MobilePay's APIs in one deployment. The keys are per organisation
 * ({@code VippsCredentials}); these settings are the same for all of them.
 *
 * @param baseUrl        {@link #TEST_BASE_URL} or {@link #PRODUCTION_BASE_URL}; the local stack points it at its sandbox
 * @param systemName     {@code Vipps-System-Name}: the solution calling (Vipps asks for short, human-readable values)
 * @param systemVersion  {@code Vipps-System-Version}
 * @param pluginName     {@code Vipps-System-Plugin-Name}: the part of the solution calling
 * @param pluginVersion  {@code Vipps-System-Plugin-Version}
 * @param connectTimeout 2 s by default
 * @param requestTimeout 10 s by default: no answer in time is a retryable failure (the idempotency key makes the
 *                       retry safe)
 * @param donationMessages whether the Donations report is asked for the donor's own message
 *                       ({@code includeGDPRSensitiveData}); off by default: the message is free text and may hold
 *                       anything, so Dialog only fetches it when the organisation wants it
 */
public record VippsClientSettings(URI baseUrl, String systemName, String systemVersion, String pluginName,
                                  String pluginVersion, Duration connectTimeout, Duration requestTimeout,
                                  boolean donationMessages) {

    public static final String TEST_BASE_URL = "https://apitest.vipps.no";
    public static final String PRODUCTION_BASE_URL = "https://api.vipps.no";
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Vipps limits each {@code Vipps-System-*} header to 30 characters. */
    static final int HEADER_MAX = 30;

    public VippsClientSettings {
        Objects.requireNonNull(baseUrl, "Vipps base URL");
        require(systemName, "Vipps-System-Name");
        require(systemVersion, "Vipps-System-Version");
        require(pluginName, "Vipps-System-Plugin-Name");
        require(pluginVersion, "Vipps-System-Plugin-Version");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** Dialog's system headers and the default timeouts, against {@code baseUrl}. */
    public static VippsClientSettings of(String baseUrl, String dialogVersion) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Vipps base URL is required (VIPPS_BASE_URL), e.g. " + TEST_BASE_URL);
        }
        return new VippsClientSettings(URI.create(baseUrl.strip()), "dialog", dialogVersion, "dialog-payments",
                dialogVersion, CONNECT_TIMEOUT, REQUEST_TIMEOUT, false);
    }

    public VippsClientSettings withTimeouts(Duration connect, Duration request) {
        return new VippsClientSettings(baseUrl, systemName, systemVersion, pluginName, pluginVersion, connect, request,
                donationMessages);
    }

    public VippsClientSettings withDonationMessages(boolean wanted) {
        return new VippsClientSettings(baseUrl, systemName, systemVersion, pluginName, pluginVersion, connectTimeout,
                requestTimeout, wanted);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > HEADER_MAX) {
            throw new IllegalArgumentException(what + " is at most " + HEADER_MAX + " characters, got " + value.length());
        }
    }
}
