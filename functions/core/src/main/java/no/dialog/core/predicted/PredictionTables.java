package no.dialog.core.predicted;

import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: each organisation's current {@link PredictionTable}, one per tenant (ADR 0037). The predictions
 * function publishes a new table nightly, replacing the last one whole; segment evaluation and journey
 * branches read it; erasure removes a person from it. There is one copy per tenant, so erasing from it
 * reaches every copy (readers keep one only for minutes).
 * <pre>{@code
 * tables.publish(tenant, builder.build());
 * PredictionTable table = tables.latest(tenant).orElse(PredictionTable.EMPTY);
 * tables.erase(tenant, contactId);
 * }</pre>
 */
public interface PredictionTables {

    /** Where predictions are not configured: there never is a table, and there is nothing to erase. */
    PredictionTables NONE = new PredictionTables() {
        @Override
        public Optional<PredictionTable> latest(TenantId tenant) {
            return Optional.empty();
        }

        @Override
        public void publish(TenantId tenant, PredictionTable table) {
            throw new IllegalStateException("predictions are not configured here");
        }

        @Override
        public boolean erase(TenantId tenant, String contactId) {
            return false; // nothing is kept, so nothing is left to erase
        }
    };

    /** The tenant's table as last published; empty when none has been. */
    Optional<PredictionTable> latest(TenantId tenant);

    /** Replaces the tenant's table. */
    void publish(TenantId tenant, PredictionTable table);

    /**
     * Rewrites the tenant's table without the person's row; false (and nothing written) when they have none or
     * no table exists.
     */
    boolean erase(TenantId tenant, String contactId);
}
