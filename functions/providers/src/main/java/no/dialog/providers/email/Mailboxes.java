package no.dialog.providers.email;

import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/**
 * A sender as it stands in a {@code From} header: {@code Name <address>}, the name MIME-encoded when it
 * is not plain ASCII ({@code =?UTF-8?Q?R=C3=B8de_Kors?= <post@rodekors.no>}), which is what SES asks of
 * {@code FromEmailAddress} and what SMTP servers expect.
 */
final class Mailboxes {

    private Mailboxes() {}

    static InternetAddress address(String address, String displayName) {
        try {
            return displayName == null || displayName.isBlank()
                    ? new InternetAddress(address, null, "UTF-8")
                    : new InternetAddress(address, displayName, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    static String header(String address, String displayName) {
        return address(address, displayName).toString();
    }
}
