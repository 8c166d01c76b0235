package no.dialog.core.payment.vipps;

/**
 * Vipps refused or failed a call. The message holds the status and Vipps' error title, never personal
 * data. {@code retryable}: 5xx, 429 or a timeout; a 4xx is final.
 */
public class VippsException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    public VippsException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
