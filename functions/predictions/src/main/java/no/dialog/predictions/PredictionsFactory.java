package no.dialog.predictions;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.predict.LedgerPersonFacts;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.predict.ModelTraining;
import no.dialog.core.predict.PersonFactsSource;
import no.dialog.core.predict.PredictionScoring;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.predictions.training.TribuoTrainer;

/** Wiring of the two prediction functions: the people from the replica and the ledger, models and scores in S3. */
@Factory
public class PredictionsFactory {

    /** Ledger reads in flight while a tenant's people are read (each a DynamoDB query of a few milliseconds). */
    static final int PARALLEL_READS = 32;

    @Singleton
    @Requires(beans = {ContactStore.class, PaymentLedger.class})
    PersonFactsSource people(ContactStore contacts, PaymentLedger ledger) {
        return new LedgerPersonFacts(contacts, ledger, PARALLEL_READS);
    }

    @Singleton
    @Requires(beans = {PersonFactsSource.class, ModelStore.class})
    ModelTraining training(PersonFactsSource people, ModelStore models, Clock clock) {
        return new ModelTraining(people, new TribuoTrainer(), models, clock);
    }

    @Singleton
    @Requires(beans = {PersonFactsSource.class, ModelStore.class, PredictionTables.class})
    PredictionScoring scoring(PersonFactsSource people, ModelStore models, PredictionTables tables, Clock clock) {
        return new PredictionScoring(people, models, tables, clock);
    }
}
