package no.dialog.core.send;

/**
 * The provider did not take the message this time: not reachable, an HTTP 5xx, throttling, a
 * configuration problem on our side (credentials, platform ids) that someone can fix, or no answer in
 * time. A later attempt may succeed.
 *
 * <p>{@link #possiblyAccepted()} tells the two cases apart that matter for sending once: when the
 * request never reached the provider or the provider answered with an error, nothing was accepted and
 * the message may be sent again; when the request went out and no answer came (a read timeout, a
 * connection cut mid-answer), the provider may have accepted it, so it must not be sent again.
 */
public class ProviderUnavailable extends RuntimeException {

    private final boolean possiblyAccepted;

    public ProviderUnavailable(String reason, boolean possiblyAccepted) {
        super(reason);
        this.possiblyAccepted = possiblyAccepted;
    }

    public ProviderUnavailable(String reason, boolean possiblyAccepted, Throwable cause) {
        super(reason, cause);
        this.possiblyAccepted = possiblyAccepted;
    }

    public boolean possiblyAccepted() {
        return possiblyAccepted;
    }
}
