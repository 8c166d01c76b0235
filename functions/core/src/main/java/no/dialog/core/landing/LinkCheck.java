package no.dialog.core.landing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.page.LandingPage;

/**
 * Whether a token from a request may open its page. Unknown, tampered, expired and used-up links are
 * all refused; the page shown for each never says whether the person exists.
 */
public final class LinkCheck {

    /** Why a link is refused. {@code TAMPERED} and {@code UNKNOWN} look the same to the visitor. */
    public enum Refusal { UNKNOWN, TAMPERED, EXPIRED, USED }

    /** The outcome: the link, or why not (with the link's language when it is known). */
    public record Result(StoredLink link, Refusal refusal, String language) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private final LinkTokens tokens;
    private final LinkStore store;

    public LinkCheck(LinkTokens tokens, LinkStore store) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The stored link if the token is well-formed, signed for its stored binding and not expired. */
    public Result check(String token, Instant now) {
        Optional<LinkTokens.Parsed> parsed = tokens.parse(token);
        if (parsed.isEmpty()) {
            return new Result(null, Refusal.UNKNOWN, null);
        }
        Optional<StoredLink> stored = store.find(parsed.get().linkId());
        if (stored.isEmpty()) {
            return new Result(null, Refusal.UNKNOWN, null);
        }
        StoredLink link = stored.get();
        if (link.keyVersion() != parsed.get().keyVersion() || !tokens.matches(parsed.get(), link.binding())) {
            return new Result(null, Refusal.TAMPERED, null);
        }
        String language = link.binding().language();
        if (!now.isBefore(link.binding().expiresAt())) {
            return new Result(link, Refusal.EXPIRED, language);
        }
        return new Result(link, null, language);
    }

    /**
     * A one-time page's link is used up once a submission other than {@code submissionId} was recorded
     * (null: a visit), so a repeat of the same submission still passes and is recognised as a repeat.
     */
    public static boolean usedUp(StoredLink link, LandingPage page, String submissionId) {
        if (!page.oneTime() || link.submissions().isEmpty()) {
            return false;
        }
        return submissionId == null || !link.submissions().contains(submissionId);
    }
}
