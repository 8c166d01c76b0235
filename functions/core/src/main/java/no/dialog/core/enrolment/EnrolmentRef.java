package no.dialog.core.enrolment;

import java.util.Objects;

/** Enough to load one enrolment: what queues carry instead of the enrolment itself. */
public record EnrolmentRef(String contactId, String enrolmentId) {

    public EnrolmentRef {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(enrolmentId, "enrolmentId");
    }
}
