package no.dialog.providers.link;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Dialog reaches LINK Mobility's SMS REST API ("Common"), as LINK Support hands it out.
 *
 * @param baseUrl           the assigned base, without {@code /sms}: e.g. {@code https://wsx.sp247.net};
 *                          the local stack points it at its sandbox
 * @param username          basic-auth user
 * @param password          basic-auth password (never logged)
 * @param platformId        LINK's platformId
 * @param platformPartnerId LINK's platformPartnerId
 * @param gate              the delivery-report gate id; blank: no delivery reports are asked for
 * @param connectTimeout    2 s by default
 * @param requestTimeout    5 s by default: a send either answers fast or is treated as possibly accepted
 */
public record LinkSettings(URI baseUrl, String username, String password, String platformId,
                           String platformPartnerId, String gate, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public LinkSettings {
        Objects.requireNonNull(baseUrl, "LINK base URL");
        require(username, "LINK username");
        require(password, "LINK password");
        require(platformId, "LINK platformId");
        require(platformPartnerId, "LINK platformPartnerId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** With the default timeouts. */
    public static LinkSettings of(String baseUrl, String username, String password, String platformId,
                                  String platformPartnerId, String gate) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("LINK base URL is required (LINK_BASE_URL)");
        }
        return new LinkSettings(URI.create(baseUrl.strip()), username, password, platformId, platformPartnerId, gate,
                CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public LinkSettings withTimeouts(Duration connect, Duration request) {
        return new LinkSettings(baseUrl, username, password, platformId, platformPartnerId, gate, connect, request);
    }

    /**
     * The same endpoint and gate with another LINK account (an organisation's own): its user name and password, and
     * its platform ids where it has its own (null or blank keeps these).
     */
    public LinkSettings withAccount(String username, String password, String platformId, String platformPartnerId) {
        return new LinkSettings(baseUrl, username, password,
                platformId == null || platformId.isBlank() ? this.platformId : platformId,
                platformPartnerId == null || platformPartnerId.isBlank() ? this.platformPartnerId : platformPartnerId,
                gate, connectTimeout, requestTimeout);
    }

    public boolean deliveryReports() {
        return gate != null && !gate.isBlank();
    }

    @Override
    public String toString() {
        return "LinkSettings[baseUrl=" + baseUrl + ", platformId=" + platformId + ", gate=" + gate + "]";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
