package no.dialog.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.Experiment;
import no.dialog.core.journey.JourneyConflict;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.settings.TenantSettings;
import no.dialog.core.settings.TenantSettingsStore;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional auto-winner (issue "Know what works", part 3): for every active journey whose active version's
 * experiment has {@code autoWinner} and no winner yet, reads the results as staff see them and, once the
 * always-valid decision names an arm better (ADR 0030), declares it the winner ({@link JourneyStore#declareWinner}:
 * recorded in the journey's history; new entrants get it, ADR 0031). Acting on the first decision is what the
 * method's guarantee covers: a decision read later may, rarely, revert, and a declared winner stays.
 * "No difference likely" and "stopped: guardrail" declare nothing: staff decide those.
 */
public final class AutoWinners {

    private static final Logger LOG = LoggerFactory.getLogger(AutoWinners.class);

    /** A winner this run declared. */
    public record Declared(TenantId tenant, String journeyId, int version, String arm, String decision) {}

    private final TenantDirectory tenants;
    private final JourneyStore journeys;
    private final EnrolmentStore enrolments;
    private final TenantSettingsStore settings;
    private final Clock clock;

    public AutoWinners(TenantDirectory tenants, JourneyStore journeys, EnrolmentStore enrolments,
                       TenantSettingsStore settings, Clock clock) {
        this.tenants = tenants;
        this.journeys = journeys;
        this.enrolments = enrolments;
        this.settings = settings;
        this.clock = clock;
    }

    /** Looks at every tenant's active journeys once; one journey's failure does not stop the others. */
    public List<Declared> decide() {
        List<Declared> declared = new ArrayList<>();
        for (TenantId tenant : tenants.all()) {
            for (JourneyHead head : journeys.list(tenant)) {
                try {
                    decide(tenant, head).ifPresent(declared::add);
                } catch (RuntimeException e) {
                    LOG.warn("experiment of journey {} (tenant {}) not decided: {}", head.journeyId(), tenant.value(),
                            e.getClass().getSimpleName());
                }
            }
        }
        return declared;
    }

    private java.util.Optional<Declared> decide(TenantId tenant, JourneyHead head) {
        if (!head.hasActiveVersion()) {
            return java.util.Optional.empty();
        }
        int version = head.activeVersion();
        StoredVersions versions = new StoredVersions(journeys, tenant, head);
        JourneyDefinition definition = versions.definition(version);
        Experiment experiment = definition == null ? null : definition.experiment();
        if (experiment == null || !experiment.autoWinner() || head.winner(version) != null) {
            return java.util.Optional.empty();
        }
        JsonNode results = JourneyResultsSource.from(enrolments, settings, journeys).results(tenant, head.journeyId());
        JsonNode found = null;
        for (JsonNode entry : results.path("versions")) {
            if (entry.path("version").asInt() == version) {
                found = entry.path("experiment");
            }
        }
        if (found == null || !found.path("recommended").isTextual()) {
            return java.util.Optional.empty();
        }
        String arm = found.get("recommended").asText();
        String decision = found.path("decision").asText();
        try {
            journeys.declareWinner(tenant, head.journeyId(), version, arm, "auto-winner: " + decision, clock.instant());
        } catch (JourneyConflict e) {
            // Declared meanwhile (by staff or another run): theirs stands.
            return java.util.Optional.empty();
        }
        LOG.info("journey {} version {}: {} declared the winner ({})", head.journeyId(), version, arm, decision);
        return java.util.Optional.of(new Declared(tenant, head.journeyId(), version, arm, decision));
    }
}
