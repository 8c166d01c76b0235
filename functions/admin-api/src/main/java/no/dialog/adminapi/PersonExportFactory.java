package no.dialog.adminapi;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.privacy.export.CapCounters;
import no.dialog.core.privacy.export.ContactTombstones;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.privacy.export.PersonExporter;
import no.dialog.core.privacy.export.PersonLinks;
import no.dialog.core.privacy.export.PersonMessages;
import no.dialog.core.privacy.export.PersonPayments;
import no.dialog.core.privacy.export.RunStagings;
import no.dialog.core.segment.SegmentStore;

/**
 * The export of a person, only where every store that may hold them is configured: an export that left a
 * store out would claim to be complete and not be. Without one of these tables {@link ContactExportController}
 * answers 503.
 */
@Factory
public class PersonExportFactory {

    @Singleton
    @Requires(property = "contacts.table")
    @Requires(property = "enrolments.table")
    @Requires(property = "definitions.table")
    @Requires(property = "run.files.table")
    @Requires(property = "send.ledger.table")
    @Requires(property = "landing.links.table")
    @Requires(property = "payments.table")
    PersonExporter personExporter(ContactStore contacts, ContactTombstones tombstones, PersonMessages messages,
                                  RunStagings runs, PersonLinks links, EnrolmentStore enrolments, CapCounters caps,
                                  PersonPayments payments, SegmentStore segments,
                                  java.util.Optional<PredictionTables> predictions, Clock clock) {
        return new PersonExporter(contacts, tombstones, messages, runs, links, enrolments, caps, payments, segments,
                predictions.orElse(PredictionTables.NONE), clock);
    }
}
