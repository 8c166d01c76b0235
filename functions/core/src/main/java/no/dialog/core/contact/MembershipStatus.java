package no.dialog.core.contact;

import java.util.Locale;

/** Where a membership stands in the member register. */
public enum MembershipStatus {
    ACTIVE, PENDING, LAPSED, ENDED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
