package no.dialog.core.template;

import java.util.List;
import java.util.Optional;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.tenant.TenantId;

/** Where a tenant's message templates are kept. Every call is scoped to one tenant. */
public interface TemplateStore {

    Optional<MessageTemplate> find(TenantId tenant, String templateId);

    List<MessageTemplate> list(TenantId tenant);

    /**
     * One page of the tenant's templates in id order. This default cuts it from {@link #list}; stores that
     * can page (DynamoDB) read only the page.
     */
    default Page<MessageTemplate> page(TenantId tenant, PageRequest request) {
        return Page.of(list(tenant), MessageTemplate::id, request);
    }

    void save(TenantId tenant, MessageTemplate template);

    /** Returns false when there was no such template. */
    boolean delete(TenantId tenant, String templateId);
}
