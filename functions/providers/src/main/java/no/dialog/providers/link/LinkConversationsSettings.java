package no.dialog.providers.link;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Dialog reaches LINK Conversations (docs/providers/link-conversations.md).
 *
 * @param baseUrl        the base without {@code /conversations}; the local stack points it at its sandbox
 * @param username       basic-auth user
 * @param password       basic-auth password (never logged or printed)
 * @param connectTimeout 2 s by default
 * @param requestTimeout 5 s by default: a send either answers fast or is treated as possibly accepted
 */
public record LinkConversationsSettings(URI baseUrl, String username, String password, Duration connectTimeout,
                                        Duration requestTimeout) {

    public LinkConversationsSettings {
        Objects.requireNonNull(baseUrl, "LINK Conversations base URL");
        require(username, "LINK Conversations username (LINK_CHAT_USERNAME)");
        require(password, "LINK Conversations password (LINK_CHAT_PASSWORD)");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        String text = baseUrl.toString();
        if (text.endsWith("/")) {
            baseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** With the default timeouts. */
    public static LinkConversationsSettings of(String baseUrl, String username, String password) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("LINK Conversations base URL is required (LINK_CHAT_BASE_URL)");
        }
        return new LinkConversationsSettings(URI.create(baseUrl.strip()), username, password,
                LinkSettings.CONNECT_TIMEOUT, LinkSettings.REQUEST_TIMEOUT);
    }

    public LinkConversationsSettings withTimeouts(Duration connect, Duration request) {
        return new LinkConversationsSettings(baseUrl, username, password, connect, request);
    }

    @Override
    public String toString() {
        return "LinkConversationsSettings[baseUrl=" + baseUrl + ", username=" + username + "]";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
