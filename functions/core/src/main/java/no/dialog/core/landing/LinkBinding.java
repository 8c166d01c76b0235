package no.dialog.core.landing;

import java.time.Instant;
import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * What a personal link stands for, kept server-side ({@link LinkStore}) and signed into the token
 * ({@link LinkTokens}): the tenant, the journey step that sent it, the enrolment and the person (as
 * opaque ids), the language of the message, and when it stops working.
 */
public record LinkBinding(TenantId tenant, String journeyId, int version, String stepId, String enrolmentId,
                          String contactId, String language, Instant expiresAt) {

    public LinkBinding {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        enrolmentId = enrolmentId == null ? "" : enrolmentId;
        language = language == null ? "nb" : language;
    }

    /** The bytes the token's MAC covers: every field, each ended by a newline (none may hold one). */
    String canonical() {
        return tenant.value() + "\n" + journeyId + "\n" + version + "\n" + stepId + "\n" + enrolmentId + "\n"
                + contactId + "\n" + language + "\n" + expiresAt.getEpochSecond() + "\n";
    }
}
