package no.dialog.core.messaging;

/**
 * Port: where a message goes when it can never succeed (malformed, unknown type, unknown tenant) or
 * has failed too often. It keeps the original body and a reason a person can act on, so nothing is
 * lost in silence. The reason must not contain personal data.
 */
public interface DeadLetters {

    void deadLetter(String originalBody, String reason);
}
