package no.dialog.core.privacy.export;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/** Port: one person's frequency-cap counters, one per channel that has sent to them lately. */
public interface CapCounters {

    List<PersonExport.CapCounter> ofContact(TenantId tenant, String contactId);
}
