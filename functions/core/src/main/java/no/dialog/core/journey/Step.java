package no.dialog.core.journey;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import no.dialog.core.page.LandingPage;
import no.dialog.core.segment.Criterion;

/**
 * One node of a journey's flow graph. Every step but {@link Exit} names the step(s) it leads to by id.
 */
public sealed interface Step {

    String id();

    /**
     * Sends one message. Variants (A/B) are chosen stably per person by weight. {@code page} is the landing
     * page behind the message's personal link ({@code {{ link }}}), or null when the step asks nothing.
     */
    record Send(String id, SendChannel channel, List<Variant> variants, SendChannel fallback, String next,
                LandingPage page) implements Step {

        /** A send step without a landing page. */
        public Send(String id, SendChannel channel, List<Variant> variants, SendChannel fallback, String next) {
            this(id, channel, variants, fallback, next, null);
        }

        /**
         * The template a variant uses on the fallback channel: its id plus {@code -<channel>}
         * ({@code student-ask-email}). Template ids are unique per tenant, so the fallback's text is a
         * template of its own, written for that channel.
         */
        public static String fallbackTemplateId(String templateId, SendChannel fallback) {
            return templateId + "-" + fallback.jsonName();
        }
    }

    record Variant(String name, String templateId, int weight) {}

    /** Waits a fixed time. */
    record WaitDuration(String id, Duration duration, String next) implements Step {}

    /** Waits until the next of the given weekdays at a time of day (Europe/Oslo). */
    record WaitUntil(String id, Set<DayOfWeek> days, LocalTime time, String next) implements Step {}

    /** Waits for a signal; after {@code timeout} without one it goes to {@code timeoutNext}. */
    record WaitForSignal(String id, SignalMatch signal, Duration timeout, String next, String timeoutNext)
            implements Step {}

    /** Takes the first case whose condition holds, else {@code otherwise}. */
    record Branch(String id, List<BranchCase> cases, String otherwise) implements Step {}

    /**
     * One way out of a branch. Exactly one of the conditions is set: a segment criterion over the
     * contact's fields, a signal already received during this enrolment, or the goal being reached.
     */
    record BranchCase(Criterion contact, SignalMatch received, boolean goalReached, String next) {}

    /** Random split with weights, stable for a person (the same person always takes the same path). */
    record Split(String id, List<SplitPath> paths) implements Step {}

    record SplitPath(String name, int weight, String next) {}

    /** Sets a contact field or tag; emits a write-back event for the org system. */
    record Update(String id, String field, JsonNode value, String next) implements Step {}

    record Exit(String id) implements Step {}
}
