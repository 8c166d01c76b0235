package no.dialog.core.journey;

import java.util.Objects;
import no.dialog.core.tenant.TenantId;

/**
 * One immutable version of a journey; enrolments point at the version they started on.
 *
 * @param winner the arm declared the winner of the version's experiment (see
 *               {@link JourneyStore#declareWinner}), which new people reaching the experiment step get;
 *               null while the experiment runs or when there is none. Not part of the definition: the
 *               definition stays immutable, and the results stay on one version.
 */
public record JourneyVersion(TenantId tenant, String journeyId, int version, JourneyDefinition definition,
                             String winner) {

    public JourneyVersion {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(definition, "definition");
    }

    /** A version without a declared winner. */
    public JourneyVersion(TenantId tenant, String journeyId, int version, JourneyDefinition definition) {
        this(tenant, journeyId, version, definition, null);
    }

    /** This version with {@code arm} as its experiment's winner (null for none). */
    public JourneyVersion withWinner(String arm) {
        return Objects.equals(arm, winner) ? this : new JourneyVersion(tenant, journeyId, version, definition, arm);
    }
}
