package no.dialog.core.predict;

import java.util.List;
import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/** Port: where an organisation's model cards and its last scoring are kept (no personal data in either). */
public interface ModelStore {

    /** Keeps one training run's cards (one per model kind) and makes them the ones in use. */
    void keep(TenantId tenant, List<ModelCard> cards);

    /** The cards of the last training run, one per model kind; empty when the organisation was never trained. */
    List<ModelCard> latest(TenantId tenant);

    /** Records the last nightly scoring. */
    void scored(TenantId tenant, ScoringSummary summary);

    Optional<ScoringSummary> lastScoring(TenantId tenant);

    /**
     * What the last nightly scoring did, in counts.
     *
     * @param modelsVersion the training run whose models scored
     * @param contacts      every contact read
     * @param scored        contacts with at least one score
     * @param objected      contacts left unscored because they object to profiling
     */
    record ScoringSummary(java.time.Instant scoredAt, String modelsVersion, long contacts, long scored, long objected) {}
}
