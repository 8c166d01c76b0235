package no.dialog.sync;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.observability.Metrics;
import no.dialog.core.privacy.ErasureRequests;
import no.dialog.core.sync.ChangeReplays;
import no.dialog.core.sync.ContactChanges;
import no.dialog.core.sync.ContactErasures;
import no.dialog.core.sync.ContactImporter;
import no.dialog.core.sync.ImportContinuations;
import no.dialog.core.sync.ImportFiles;
import no.dialog.core.sync.ImportProgressStore;
import no.dialog.core.tenant.TenantDirectory;

/**
 * Wires core's sync services to the AWS adapters. Core itself knows nothing of Micronaut. Only in the sync
 * function (its contact events queue, {@code CONTACT_EVENTS_QUEUE_URL}): the erase function shares the jar.
 */
@Factory
@Requires(property = "contact.events.queue.url")
public class SyncFactory {

    @Singleton
    ContactImporter contactImporter(ContactStore contacts, TenantDirectory tenants, ImportFiles files,
            ImportProgressStore progress, ImportContinuations continuations, Metrics metrics, Clock clock) {
        return new ContactImporter(contacts, tenants, files, progress, continuations, metrics, clock);
    }

    @Singleton
    ContactChanges contactChanges(ContactStore contacts, TenantDirectory tenants, ChangeReplays replays,
            Metrics metrics, Clock clock) {
        return new ContactChanges(contacts, tenants, replays, metrics, clock);
    }

    /** The register's ContactErased, where the function may start erasures (ERASURES_TABLE, ERASURES_QUEUE_URL). */
    @Singleton
    @Requires(beans = ErasureRequests.class)
    ContactErasures contactErasures(ErasureRequests requests, TenantDirectory tenants, Metrics metrics) {
        return new ContactErasures(requests, tenants, metrics);
    }
}
