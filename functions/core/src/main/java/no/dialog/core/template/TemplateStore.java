package no.dialog.core.template;

import java.util.List;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Where a tenant's message templates are kept. Every call is scoped to one tenant. */
public interface TemplateStore {

    Optional<MessageTemplate> find(TenantId tenant, String templateId);

    List<MessageTemplate> list(TenantId tenant);

    void save(TenantId tenant, MessageTemplate template);

    /** Returns false when there was no such template. */
    boolean delete(TenantId tenant, String templateId);
}
