package no.dialog.core.privacy.export;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/** Port: one person's personal links, with their submissions and which sealed values are held. */
public interface PersonLinks {

    List<PersonExport.LinkRecord> ofContact(TenantId tenant, String contactId);
}
