package no.dialog.core.journey;

import java.util.List;
import java.util.Objects;

/**
 * The result of one engine call: the enrolment as it should be stored next, and the effects to carry
 * out. {@code changed} false means nothing happened (the signal did not concern this enrolment, the
 * enrolment is not due yet or already done): store nothing, do nothing.
 */
public record Advance(Enrolment next, List<Effect> effects, boolean changed) {

    public Advance {
        Objects.requireNonNull(next, "next");
        effects = List.copyOf(effects);
    }

    public static Advance unchanged(Enrolment enrolment) {
        return new Advance(enrolment, List.of(), false);
    }
}
