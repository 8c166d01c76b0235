package no.dialog.core.contact;

import java.time.Instant;

/**
 * A person's yes or no to being contacted on one channel, with where and when it was given: the
 * marketing act (markedsføringsloven § 15) asks the organisation to be able to show it.
 */
public record Consent(boolean granted, String source, Instant at) {}
