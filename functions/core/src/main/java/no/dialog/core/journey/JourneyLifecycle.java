package no.dialog.core.journey;

import java.time.Instant;

/**
 * The version and status rules of {@link JourneyStore} as pure functions over a head, so every store
 * applies the same rules and they can be read (and tested) without a database.
 */
public final class JourneyLifecycle {

    private JourneyLifecycle() {}

    /**
     * What an edit does: the head after it, and which version number the new definition is written as.
     * {@code newVersion} tells whether that number is a new item (true) or the draft replaced in place.
     */
    public record Edit(JourneyHead head, int writtenVersion, boolean newVersion) {}

    /** The head of a journey just created: DRAFT, version 1, never active, revision 1. */
    public static JourneyHead created(String journeyId, String name, Instant now) {
        return new JourneyHead(journeyId, name, JourneyStatus.DRAFT, 1, 0, now, 1);
    }

    /**
     * An edit of {@code current}: DRAFT replaces its latest version; ACTIVE writes latest+1 and activates
     * it; PAUSED writes latest+1 for the resume; ENDED refuses.
     */
    public static Edit edit(JourneyHead current, String name, Instant now) {
        switch (current.status()) {
            case DRAFT:
                return new Edit(next(current, name, JourneyStatus.DRAFT, current.latestVersion(),
                        current.activeVersion(), now), current.latestVersion(), false);
            case ACTIVE: {
                int version = current.latestVersion() + 1;
                return new Edit(next(current, name, JourneyStatus.ACTIVE, version, version, now), version, true);
            }
            case PAUSED: {
                int version = current.latestVersion() + 1;
                return new Edit(next(current, name, JourneyStatus.PAUSED, version, current.activeVersion(), now),
                        version, true);
            }
            default:
                throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                        "journey " + current.journeyId() + " has ended and can no longer be edited");
        }
    }

    /**
     * The head after moving to {@code to}. Activating (from DRAFT or PAUSED) makes the latest version the
     * active one, so edits made while paused go live on resume.
     */
    public static JourneyHead changeStatus(JourneyHead current, JourneyStatus to, Instant now) {
        JourneyStatus from = current.status();
        boolean allowed = switch (from) {
            case DRAFT -> to == JourneyStatus.ACTIVE;
            case ACTIVE -> to == JourneyStatus.PAUSED || to == JourneyStatus.ENDED;
            case PAUSED -> to == JourneyStatus.ACTIVE || to == JourneyStatus.ENDED;
            case ENDED -> false;
        };
        if (!allowed) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED, reason(current.journeyId(), from, to));
        }
        int active = to == JourneyStatus.ACTIVE ? current.latestVersion() : current.activeVersion();
        return next(current, current.name(), to, current.latestVersion(), active, now);
    }

    /**
     * The head after declaring {@code arm} the winner of {@code version}'s experiment; {@code current}
     * itself when that arm already is (a repeated call by an evaluator changes nothing). Refused with
     * {@link JourneyConflict.Kind#NOT_ALLOWED} for a draft, a version that does not exist or has no
     * experiment, an arm that is not one of its variants or paths (the holdout never wins: it gets
     * nothing), or a version whose winner is already another arm (a decision is not taken back).
     *
     * @param definition the definition of {@code version}
     */
    public static JourneyHead declareWinner(JourneyHead current, int version, JourneyDefinition definition,
                                            String arm, Instant now) {
        String journeyId = current.journeyId();
        if (current.status() == JourneyStatus.DRAFT) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                    "journey " + journeyId + " is a draft: its experiment has not run");
        }
        if (version < 1 || version > current.latestVersion()) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                    "journey " + journeyId + " has no version " + version);
        }
        Experiment experiment = definition.experiment();
        if (experiment == null) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                    "version " + version + " of journey " + journeyId + " has no experiment");
        }
        Step step = definition.steps().get(experiment.stepId());
        if (step == null || !Experiment.treatments(step).contains(arm)) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                    "the winner must be one of the experiment's variants or paths " + (step == null ? "[]"
                            : Experiment.treatments(step)));
        }
        String declared = current.winner(version);
        if (arm.equals(declared)) {
            return current;
        }
        if (declared != null) {
            throw new JourneyConflict(JourneyConflict.Kind.NOT_ALLOWED,
                    "version " + version + " of journey " + journeyId + " already has a winner");
        }
        java.util.Map<Integer, String> winners = new java.util.TreeMap<>(current.winners());
        winners.put(version, arm);
        return new JourneyHead(journeyId, current.name(), current.status(), current.latestVersion(),
                current.activeVersion(), now, current.revision() + 1, winners);
    }

    private static String reason(String journeyId, JourneyStatus from, JourneyStatus to) {
        String rule = switch (from) {
            case DRAFT -> "a draft can only be activated";
            case ACTIVE -> "an active journey can be paused or ended";
            case PAUSED -> "a paused journey can be resumed (ACTIVE) or ended";
            case ENDED -> "an ended journey cannot change status";
        };
        return "journey " + journeyId + " cannot go from " + from + " to " + to + ": " + rule;
    }

    private static JourneyHead next(JourneyHead current, String name, JourneyStatus status, int latest, int active,
                                    Instant now) {
        return new JourneyHead(current.journeyId(), name, status, latest, active, now, current.revision() + 1,
                current.winners());
    }
}
