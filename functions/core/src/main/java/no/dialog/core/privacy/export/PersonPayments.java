package no.dialog.core.privacy.export;

import java.util.List;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.tenant.TenantId;

/** Port: what the payments store holds about a person. */
public interface PersonPayments {

    /** For an API without the payments table: nothing is held there. */
    PersonPayments NONE = new PersonPayments() {
        @Override
        public List<RegisteredPayment> ofContact(TenantId tenant, String contactId) {
            return List.of();
        }

        @Override
        public List<UnmatchedPayment> unmatched(TenantId tenant, List<String> paymentIds) {
            return List.of();
        }

        @Override
        public List<PersonExport.GiverCandidate> candidatesByPhone(TenantId tenant, String e164) {
            return List.of();
        }
    };

    /** The ledger's entries for the person, newest first. */
    List<RegisteredPayment> ofContact(TenantId tenant, String contactId);

    /** The waiting payments (as staff saw them: payer, message) that became these ledger entries, if any. */
    List<UnmatchedPayment> unmatched(TenantId tenant, List<String> paymentIds);

    /** Giver candidates made from this phone number. */
    List<PersonExport.GiverCandidate> candidatesByPhone(TenantId tenant, String e164);
}
