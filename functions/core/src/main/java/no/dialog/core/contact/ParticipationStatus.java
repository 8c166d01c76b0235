package no.dialog.core.contact;

import java.util.Locale;

/** How a person took part in an event. */
public enum ParticipationStatus {
    REGISTERED, ATTENDED, CANCELLED, NO_SHOW;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
