package no.dialog.core.optout;

/**
 * Whether a reply (SMS, chat) asks to be left alone. A small seam: {@link StopWordCheck} is the minimal
 * rule the webhooks need; the compliance rules' fuller {@code OptOutWords} can take its place.
 */
public interface OptOutCheck {

    boolean isOptOut(String text);
}
