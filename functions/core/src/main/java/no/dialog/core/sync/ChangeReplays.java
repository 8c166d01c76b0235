package no.dialog.core.sync;

/**
 * Port: applies a change event once more, a little later (a delayed SQS message in AWS).
 *
 * <p>Why: imports write in batches that cannot carry a condition. If a change event lands between an
 * import batch's read and its write, the batch could put older data back. Applying each change event
 * a second time after the longest such window closes that gap: the replay is the same conditional
 * write, so it wins where an import overwrote it and changes nothing otherwise. See docs/adr/0002.
 */
public interface ChangeReplays {

    void replayLater(String eventJson);
}
