package no.dialog.core.payment;

import java.time.Instant;
import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: "new giver" candidates. When a payer's phone number matches no contact, or more than one, Dialog
 * does not guess: it keeps what the provider told (name, phone) as a candidate, registers the gift
 * against the candidate, and starts the identification flow (the thank-you journey asks the person for
 * e-mail, consent and more; staff and the register resolve the candidate later). The same phone number
 * gets the same candidate every time.
 */
public interface GiverCandidates {

    /**
     * A candidate for the payer.
     *
     * @param contactId the id the candidate has as a contact in Dialog ({@code candidate-...})
     * @param created   true the first time this phone number became a candidate
     * @param matches   the contacts the phone number matched (empty for a new giver; two or more when
     *                  ambiguous)
     */
    record Candidate(String contactId, boolean created, List<String> matches) {

        public Candidate {
            matches = matches == null ? List.of() : List.copyOf(matches);
        }
    }

    /** The candidate for the phone number, made now if there is none. */
    Candidate findOrCreate(TenantId tenant, String phone, String name, List<String> matches, Instant at);
}
