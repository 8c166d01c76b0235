package no.dialog.core.privacy.export;

import java.util.List;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.tenant.TenantId;

/** Port: the send ledger's entries for one person. */
public interface PersonMessages {

    List<LedgerEntry> ofContact(TenantId tenant, String contactId);
}
