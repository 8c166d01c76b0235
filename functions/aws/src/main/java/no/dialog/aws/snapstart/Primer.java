package no.dialog.aws.snapstart;

/**
 * Something a function uses that can be warmed before a SnapStart checkpoint (classes loaded, code run once),
 * without side effects on real data: no request may leave the process (SDK calls go through
 * {@link SdkCallPriming#dryRun}).
 */
public interface Primer {

    /** Warms up; may throw, which {@link SnapStartHooks} logs and ignores (priming only saves time). */
    void prime();
}
