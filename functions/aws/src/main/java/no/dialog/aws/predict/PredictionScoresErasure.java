package no.dialog.aws.predict;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import no.dialog.core.predict.PredictionTables;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;

/**
 * Removes the person's row from the tenant's score table (ADR 0037), the only copy of their predictions: the
 * table is rewritten without it, so segments and branches no longer see a score and the next export shows none.
 * The nightly scoring reads the contact's tombstone and leaves them out from then on. Model cards hold no person.
 */
@Singleton
@Order(85)
@Requires(beans = PredictionTables.class)
public class PredictionScoresErasure implements PersonalData {

    private final PredictionTables tables;

    public PredictionScoresErasure(PredictionTables tables) {
        this.tables = tables;
    }

    @Override
    public String store() {
        return "prediction-scores";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        boolean held = tables.latest(tenant).map(table -> table.rowOf(contactId) >= 0).orElse(false);
        if (!held) {
            return 0;
        }
        tables.erase(tenant, contactId);
        return 1;
    }
}
