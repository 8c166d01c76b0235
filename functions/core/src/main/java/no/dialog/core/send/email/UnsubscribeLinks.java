package no.dialog.core.send.email;

import java.net.URI;
import java.util.Objects;
import no.dialog.core.contact.Channel;
import no.dialog.core.send.UnsubscribeTokens;
import no.dialog.core.tenant.TenantId;

/**
 * A person's unsubscribe link: {@code <publicBaseUrl>/webhooks/unsubscribe/<tenant>?token=<token>}, where
 * the webhooks function answers GET (a page) and the RFC 8058 one-click POST. The token
 * ({@link UnsubscribeTokens}) carries only opaque ids.
 *
 * <p>Templates place the link with the merge field {@code unsubscribeLink}; until it is known (rendering,
 * previews) it stands as {@link no.dialog.core.template.MergeFields#UNSUBSCRIBE_PLACEHOLDER}, which the
 * e-mail delivery swaps for the real link.
 */
public final class UnsubscribeLinks {

    private final String base;
    private final UnsubscribeTokens tokens;

    /** @param publicBaseUrl where the public HTTP API answers, e.g. {@code https://api.dialog.no} */
    public UnsubscribeLinks(String publicBaseUrl, UnsubscribeTokens tokens) {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        URI uri = URI.create(publicBaseUrl);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must be an http(s) URL with a host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("PUBLIC_BASE_URL must have no query or fragment");
        }
        this.base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The link for this person; only URL-safe characters, so it needs no escaping in HTML or a header. */
    public String forContact(TenantId tenant, String contactId) {
        return base + "/webhooks/unsubscribe/" + tenant.value() + "?token=" + tokens.issue(tenant, contactId, Channel.EMAIL);
    }
}
