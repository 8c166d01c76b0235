package no.dialog.providers.email;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the SMTP transport sends: host, port, optional login, whether to require STARTTLS, and timeouts.
 *
 * @param username the login, or null/blank for none (a relay that trusts the network)
 * @param startTls require STARTTLS before login (port 587); false only for a local test server
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls,
                           Duration connectTimeout, Duration readTimeout) {

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP_HOST is required for the SMTP transport");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP_PORT must be 1-65535");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    public static SmtpSettings of(String host, int port, String username, String password, boolean startTls) {
        return new SmtpSettings(host, port, username, password, startTls, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    boolean authenticates() {
        return username != null && !username.isBlank();
    }
}
