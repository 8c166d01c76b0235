package no.dialog.sync;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.observability.Metrics;
import no.dialog.core.sync.ChangeReplays;
import no.dialog.core.sync.ContactChanges;
import no.dialog.core.sync.ContactImporter;
import no.dialog.core.sync.ImportContinuations;
import no.dialog.core.sync.ImportFiles;
import no.dialog.core.sync.ImportProgressStore;
import no.dialog.core.tenant.TenantDirectory;

/** Wires core's sync services to the AWS adapters. Core itself knows nothing of Micronaut. */
@Factory
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
}
