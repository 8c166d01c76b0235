package no.dialog.core.journey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What staff design: who enters (trigger, entry rules), why (goal) and how (the steps, starting at
 * {@code startStepId}), and optionally which of its alternatives it compares ({@code experiment}, null
 * when none). Immutable; a new version is a new definition.
 */
public record JourneyDefinition(String name, Trigger trigger, EntryRules entry, Goal goal, String startStepId,
                                Map<String, Step> steps, Experiment experiment) {

    /** A journey without an experiment. */
    public JourneyDefinition(String name, Trigger trigger, EntryRules entry, Goal goal, String startStepId,
                             Map<String, Step> steps) {
        this(name, trigger, entry, goal, startStepId, steps, null);
    }

    public JourneyDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
        entry = entry == null ? EntryRules.oncePerPerson() : entry;
        steps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    public Step step(String id) {
        Step step = steps.get(id);
        if (step == null) {
            throw new IllegalArgumentException("no step " + id);
        }
        return step;
    }
}
