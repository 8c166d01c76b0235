package no.dialog.aws.snapstart;

import jakarta.inject.Singleton;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * SDK calls made to warm a client before a SnapStart checkpoint, which never leave the process: every client
 * built by {@code AwsClientSettings} carries {@link #interceptor()}, which lets a call made through
 * {@link #dryRun} go through all the SDK does first (endpoint rules, marshalling, signing, the interceptors)
 * and stops it just before it would be sent. So priming reads and writes no real data and opens no
 * connection that the snapshot would carry.
 */
@Singleton
public class SdkCallPriming {

    private final ThreadLocal<Boolean> priming = ThreadLocal.withInitial(() -> false);
    private final ExecutionInterceptor stopBeforeSending = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (priming.get()) {
                throw new Stopped();
            }
        }
    };

    public ExecutionInterceptor interceptor() {
        return stopBeforeSending;
    }

    /**
     * Makes the call on this thread with sending turned off.
     *
     * @return whether the call got as far as sending (false: it failed earlier, which priming tolerates)
     */
    public <C> boolean dryRun(C client, Consumer<C> call) {
        priming.set(true);
        try {
            call.accept(client);
            return false;
        } catch (RuntimeException e) {
            return stoppedBySending(e);
        } finally {
            priming.set(false);
        }
    }

    private static boolean stoppedBySending(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Stopped) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the interceptor instead of sending; not an I/O error, so the SDK does not retry it. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("priming: not sent", null, false, false);
        }
    }
}
