package no.dialog.adminapi;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.library.JourneyLibrary;
import no.dialog.core.library.LibraryInstantiation;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.payment.match.ContactsPayerLookup;
import no.dialog.core.payment.match.EvidenceCollector;
import no.dialog.core.payment.match.MatchEvidence;
import no.dialog.core.payment.match.MatchWeights;
import no.dialog.core.payment.match.PayerLookup;
import no.dialog.core.payment.match.PaymentMatcher;
import no.dialog.core.payment.match.PaymentMatches;
import no.dialog.core.template.TemplatePreview;
import no.dialog.core.template.TemplateRenderer;

/** Core objects the admin API uses that are not adapters (core has no Micronaut annotations). */
@Factory
public class AdminApiFactory {

    /** Shares the JVM-wide compiled-template cache, so a preview after a save compiles nothing again. */
    @Singleton
    TemplatePreview templatePreview() {
        return new TemplatePreview(new TemplateRenderer());
    }

    /** The library of proven journeys shipped in core, loaded and checked once per instance. */
    @Singleton
    JourneyLibrary journeyLibrary() {
        return JourneyLibrary.fromClasspath();
    }

    @Singleton
    LibraryInstantiation libraryInstantiation() {
        return new LibraryInstantiation(new TemplateRenderer());
    }

    // Payments without a KID: only with the payments table (PAYMENTS_TABLE), like the stores and the
    // registrar they use; without it PaymentMatchesController answers 503 and the API starts as before.

    @Singleton
    @Requires(property = "payments.table")
    PayerLookup payerLookup(ContactStore contacts) {
        return new ContactsPayerLookup(contacts);
    }

    @Singleton
    @Requires(property = "payments.table")
    EvidenceCollector evidenceCollector(PayerLookup payers, MatchEvidence evidence) {
        return new EvidenceCollector(payers, evidence, MatchWeights.DEFAULT);
    }

    @Singleton
    @Requires(property = "payments.table")
    PaymentMatches paymentMatches(UnmatchedPayments unmatched, EvidenceCollector collector, MatchEvidence evidence,
                                  ContactStore contacts, PaymentLedger ledger, PaymentRegistrar registrar) {
        return new PaymentMatches(unmatched, collector, new PaymentMatcher(MatchWeights.DEFAULT), evidence, contacts,
                ledger, registrar);
    }
}
