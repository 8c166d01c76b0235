package no.dialog.core.journey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.segment.Criteria;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.core.time.OsloTime;

/**
 * Moves one enrolment through its journey version. Pure: no clock, no I/O; the caller passes the
 * time and stores the result with a conditional write on the revision.
 *
 * <p>Exactly once per step comes from two things together. Every changed result carries
 * {@code revision + 1}, and the store writes it only over the revision it was computed from, so of two
 * workers (or a redelivered message) only one result is kept. And the engine is deterministic: the
 * same enrolment, contact, signal and time give the same result, with send idempotency keys of
 * (tenant, enrolment, step, visit), so a worker that crashed between sending and storing computes the
 * same key again and the sender refuses the second send. A loop back through a wait is a new visit
 * and so a new key.
 * <pre>{@code
 * Advance a = engine.advance(version, enrolment, contact, now);
 * if (a.changed() && store.replace(a.next(), enrolment.revision())) effects.run(a.effects());
 * }</pre>
 */
public final class JourneyEngine {

    /** Steps entered in one advance before it is taken as a runaway (validation makes that impossible). */
    public static final int MAX_STEPS_PER_ADVANCE = 100;

    /** Signals an enrolment remembers for branches and redelivery checks; the oldest go first. */
    public static final int MAX_REMEMBERED_SIGNALS = 20;

    /** Key in {@link Enrolment#choices()} naming the send step run last; "@" never starts a step id. */
    public static final String LAST_SEND_CHOICE = "@lastSend";

    public static final String EXIT_COMPLETED = "completed";
    public static final String EXIT_GOAL = "goal";
    public static final String EXIT_LOOP_GUARD = "loop-guard";
    /** The flow pointed at a step that does not exist (a definition that skipped validation). */
    public static final String EXIT_MISSING_STEP = "missing-step";
    /** A held-out person's goal window ended: they leave having been sent nothing. */
    public static final String EXIT_HOLDOUT_ENDED = "holdout-ended";
    /**
     * Key in {@link Enrolment#choices()} set when an opt-out reached a person in an experiment arm, so
     * {@link ResultCounter#ARM_OPTED_OUT} is counted once per enrolment; its value is the arm.
     */
    public static final String ARM_OPTED_OUT_CHOICE = "@armOptedOut";
    /**
     * Signal types by which a person withdraws from a channel or the organisation: an unsubscribe (link,
     * SMS STOP reply, chat) and an e-mail spam complaint. An experiment's opt-out-rate guardrail counts them.
     */
    public static final Set<String> OPT_OUT_SIGNALS = Set.of("unsubscribed", "complained");
    /** The signal attribute that carries an amount in øre (a gift, a payment): summed as the goal's revenue. */
    public static final String AMOUNT_ATTRIBUTE = "amountOre";

    /**
     * Starts a person at the start step, ACTIVE and due now, and counts ENROLLED. When the journey's
     * experiment has a holdout and the person falls in it (a stable pick per person and journey, so a
     * re-enrolment lands there again), they are parked instead: WAITING at the experiment step with the
     * choice {@link Experiment#HOLDOUT} until the goal window ends, sent nothing, and counted
     * {@link ResultCounter#ARM_ENTERED} for the holdout arm.
     */
    public Advance enrol(JourneyVersion version, String enrolmentId, String contactId, Instant now) {
        JourneyDefinition definition = version.definition();
        Instant goalDeadline = definition.goal() == null ? null : now.plus(definition.goal().window());
        Experiment experiment = definition.experiment();
        if (experiment != null && goalDeadline != null
                && inHoldout(contactId, version.journeyId(), experiment.holdoutPercent())) {
            Enrolment heldOut = new Enrolment(version.tenant(), enrolmentId, version.journeyId(), version.version(),
                    contactId, EnrolmentState.WAITING, experiment.stepId(), goalDeadline, now, goalDeadline, null,
                    Map.of(experiment.stepId(), Experiment.HOLDOUT), Map.of(), List.of(), null, 0);
            return new Advance(heldOut, List.of(new Effect.Counted(ResultCounter.ENROLLED, null, null),
                    new Effect.Counted(ResultCounter.ARM_ENTERED, experiment.stepId(), Experiment.HOLDOUT)), true);
        }
        Enrolment enrolment = new Enrolment(version.tenant(), enrolmentId, version.journeyId(), version.version(),
                contactId, EnrolmentState.ACTIVE, definition.startStepId(), now, now, goalDeadline, null,
                Map.of(), Map.of(), List.of(), null, 0);
        return new Advance(enrolment, List.of(new Effect.Counted(ResultCounter.ENROLLED, null, null)), true);
    }

    /**
     * Whether the person is in the journey's holdout: {@code percent} in 100 people, picked by person and
     * journey (not version or enrolment), so the same person is held out on every entry and version.
     */
    static boolean inHoldout(String contactId, String journeyId, int percent) {
        if (percent <= 0) {
            return false;
        }
        return StablePick.pick(contactId + ":" + journeyId + ":" + Experiment.HOLDOUT,
                List.of(percent, 100 - percent)) == 0;
    }

    /**
     * Whether a branch of the version asks about a prediction ({@code predicted.*}, ADR 0037): only then does
     * the caller need to read the person's prediction.
     */
    public static boolean branchesUsePredictions(JourneyDefinition definition) {
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Branch branch) {
                for (Step.BranchCase branchCase : branch.cases()) {
                    if (branchCase.contact() != null && Criteria.usesPredictions(branchCase.contact())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the enrolment is held out of its journey's experiment (parked, sent nothing). */
    static boolean heldOut(JourneyDefinition definition, Enrolment enrolment) {
        Experiment experiment = definition.experiment();
        return experiment != null && Experiment.HOLDOUT.equals(enrolment.choices().get(experiment.stepId()));
    }

    /**
     * Advances a due enrolment: runs steps until one waits or the person exits. An enrolment that is
     * DONE, or WAITING with {@code dueAt} after {@code now}, is returned unchanged.
     *
     * @param contact the person as stored now; may be null (erased), and then no contact condition holds
     */
    public Advance advance(JourneyVersion version, Enrolment enrolment, Contact contact, Instant now) {
        return advance(version, enrolment, contact, now, SendWindows.ALWAYS);
    }

    /**
     * As {@link #advance(JourneyVersion, Enrolment, Contact, Instant)}, with the organisation's send
     * windows: a person who reaches a send step outside its channel's window waits at that step
     * (WAITING, due when the window opens) and sends then, with the same idempotency key.
     */
    public Advance advance(JourneyVersion version, Enrolment enrolment, Contact contact, Instant now,
                           SendWindows windows) {
        return advance(version, enrolment, contact, now, windows, Prediction.NONE);
    }

    /**
     * As {@link #advance(JourneyVersion, Enrolment, Contact, Instant, SendWindows)}, with what the organisation's
     * models say about the person, for branches on {@code predicted.*} fields ({@link #branchesUsePredictions}).
     */
    public Advance advance(JourneyVersion version, Enrolment enrolment, Contact contact, Instant now,
                           SendWindows windows, Prediction prediction) {
        if (enrolment.state() == EnrolmentState.DONE) {
            return Advance.unchanged(enrolment);
        }
        if (enrolment.state() == EnrolmentState.WAITING && enrolment.dueAt() != null
                && enrolment.dueAt().isAfter(now)) {
            return Advance.unchanged(enrolment);
        }
        Run run = new Run(version, enrolment, contact, now, windows, prediction);
        if (heldOut(version.definition(), enrolment)) {
            // Parked until the goal window ends; the goal itself arrives as a signal.
            run.exit(EXIT_HOLDOUT_ENDED);
            return run.result();
        }
        if (enrolment.state() == EnrolmentState.WAITING) {
            Step waiting = version.definition().steps().get(enrolment.stepId());
            if (waiting == null) {
                run.exit(EXIT_MISSING_STEP);
            } else {
                run.runFrom(wakeTarget(waiting));
            }
        } else {
            run.runFrom(enrolment.stepId());
        }
        return run.result();
    }

    /**
     * Applies a signal: the goal (within its window), a wait for that signal (which then moves on and
     * runs to the next wait), or remembering it for later branches. Irrelevant signals leave the
     * enrolment unchanged, and so does a signal already applied (recognised by its id among the
     * remembered ones) or one that happened before the person entered.
     */
    public Advance onSignal(JourneyVersion version, Enrolment enrolment, Contact contact, Signal signal,
                            Instant now) {
        return onSignal(version, enrolment, contact, signal, now, SendWindows.ALWAYS);
    }

    /** As {@link #onSignal(JourneyVersion, Enrolment, Contact, Signal, Instant)}, with send windows. */
    public Advance onSignal(JourneyVersion version, Enrolment enrolment, Contact contact, Signal signal,
                            Instant now, SendWindows windows) {
        return onSignal(version, enrolment, contact, signal, now, windows, Prediction.NONE);
    }

    /** As {@link #onSignal(JourneyVersion, Enrolment, Contact, Signal, Instant, SendWindows)}, with the person's prediction. */
    public Advance onSignal(JourneyVersion version, Enrolment enrolment, Contact contact, Signal signal,
                            Instant now, SendWindows windows, Prediction prediction) {
        if (enrolment.state() == EnrolmentState.DONE || !signal.contactId().equals(enrolment.contactId())
                || (enrolment.enrolledAt() != null && signal.occurredAt().isBefore(enrolment.enrolledAt()))
                || alreadyApplied(enrolment, signal)) {
            return Advance.unchanged(enrolment);
        }
        JourneyDefinition definition = version.definition();
        String journeyId = version.journeyId();
        Goal goal = definition.goal();
        boolean reachesGoal = goal != null && enrolment.goalReachedAt() == null
                && goal.signal().matches(signal, journeyId)
                && !goal.tooEarly(signal.occurredAt(), enrolment.enrolledAt())
                && (enrolment.goalDeadline() == null || !signal.occurredAt().isAfter(enrolment.goalDeadline()));
        Step.WaitForSignal endsWait = heldOut(definition, enrolment) ? null
                : waitEndedBy(definition, enrolment, signal, journeyId);
        boolean optsOutOfArm = OPT_OUT_SIGNALS.contains(signal.type()) && arm(definition, enrolment.choices()) != null
                && !enrolment.choices().containsKey(ARM_OPTED_OUT_CHOICE);
        ResultCounter response = responseCounter(signal, journeyId, reachesGoal);
        if (!reachesGoal && endsWait == null && !optsOutOfArm && response == null
                && !listenedFor(definition, signal, journeyId)) {
            return Advance.unchanged(enrolment);
        }
        Run run = new Run(version, enrolment, contact, now, windows, prediction);
        run.remember(signal);
        if (optsOutOfArm) {
            run.optOutOfArm();
        }
        if (response != null) {
            run.countResponse(response, signal);
        }
        if (reachesGoal) {
            run.reachGoal(signal);
            if (goal.exitOnGoal()) {
                run.exit(EXIT_GOAL);
                return run.result();
            }
        }
        if (endsWait != null) {
            run.runFrom(endsWait.next());
        }
        return run.result();
    }

    /**
     * What a response counts in the journey's results: {@code ANSWERED} for an answer or a reply tied to this
     * journey, {@code PAID} for a gift or payment tied to it (its journey is this one, or it is the goal's own
     * signal); null for anything else. Counted once per signal: a signal already applied never gets here.
     */
    private static ResultCounter responseCounter(Signal signal, String journeyId, boolean reachesGoal) {
        boolean tied = journeyId.equals(signal.journeyId());
        if (tied && ANSWER_SIGNALS.contains(signal.type())) {
            return ResultCounter.ANSWERED;
        }
        if ((tied || reachesGoal) && PAYMENT_SIGNALS.contains(signal.type())) {
            return ResultCounter.PAID;
        }
        return null;
    }

    /** The person's experiment arm (variant, path or holdout), or null when they have none (yet). */
    private static String arm(JourneyDefinition definition, Map<String, String> choices) {
        Experiment experiment = definition.experiment();
        return experiment == null ? null : choices.get(experiment.stepId());
    }

    private static String wakeTarget(Step waiting) {
        if (waiting instanceof Step.WaitDuration wait) {
            return wait.next();
        }
        if (waiting instanceof Step.WaitUntil wait) {
            return wait.next();
        }
        if (waiting instanceof Step.WaitForSignal wait) {
            return wait.timeoutNext();
        }
        // Not a wait (the definition cannot change under an enrolment, so this is a stored oddity):
        // entering the step again is the least surprising repair.
        return waiting.id();
    }

    private static boolean alreadyApplied(Enrolment enrolment, Signal signal) {
        return enrolment.received().stream().anyMatch(r -> signal.signalId().equals(r.signalId()));
    }

    /** The wait this enrolment is parked at, if the signal ends it: it matches and came before the timeout. */
    private static Step.WaitForSignal waitEndedBy(JourneyDefinition definition, Enrolment enrolment, Signal signal,
                                                  String journeyId) {
        if (enrolment.state() != EnrolmentState.WAITING) {
            return null;
        }
        Step step = definition.steps().get(enrolment.stepId());
        if (!(step instanceof Step.WaitForSignal wait) || !wait.signal().matches(signal, journeyId)) {
            return null;
        }
        boolean beforeTimeout = enrolment.dueAt() == null || !signal.occurredAt().isAfter(enrolment.dueAt());
        return beforeTimeout ? wait : null;
    }

    /** Whether any wait or branch of this version could look at the signal, now or later. */
    private static boolean listenedFor(JourneyDefinition definition, Signal signal, String journeyId) {
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.WaitForSignal wait && wait.signal().matches(signal, journeyId)) {
                return true;
            }
            if (step instanceof Step.Branch branch) {
                for (Step.BranchCase branchCase : branch.cases()) {
                    if (branchCase.received() != null && branchCase.received().matches(signal, journeyId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One engine call's working copy of an enrolment, and the effects it produces. */
    /** Responses that are answers: a landing page's answer, a reply to an SMS or a chat. */
    private static final Set<String> ANSWER_SIGNALS = Set.of("answered", "replied");
    /** Responses that bring money: a payment (Vipps, OCR giro), and the register's gifts and payments. */
    private static final Set<String> PAYMENT_SIGNALS = Set.of("paid", "GiftReceived",
            "PaymentReceived");
    private static final class Run {
        private final JourneyVersion version;
        private final Enrolment original;
        private final Contact contact;
        private final Instant now;
        private final SendWindows windows;
        private final Prediction prediction;
        private final List<Effect> effects = new ArrayList<>();
        private final Map<String, String> choices;
        private final Map<String, Integer> visits;
        private final List<Enrolment.ReceivedSignal> received;
        private EnrolmentState state;
        private String stepId;
        private Instant dueAt;
        private Instant goalReachedAt;
        private String exitReason;

        Run(JourneyVersion version, Enrolment enrolment, Contact contact, Instant now, SendWindows windows,
            Prediction prediction) {
            this.version = version;
            this.prediction = prediction == null ? Prediction.NONE : prediction;
            this.windows = windows;
            this.original = enrolment;
            this.contact = contact;
            this.now = now;
            this.choices = new HashMap<>(enrolment.choices());
            this.visits = new HashMap<>(enrolment.visits());
            this.received = new ArrayList<>(enrolment.received());
            this.state = enrolment.state();
            this.stepId = enrolment.stepId();
            this.dueAt = enrolment.dueAt();
            this.goalReachedAt = enrolment.goalReachedAt();
            this.exitReason = enrolment.exitReason();
        }

        /** Enters {@code first} and keeps going until a wait or an exit. */
        void runFrom(String first) {
            String current = first;
            for (int entered = 0; ; entered++) {
                if (entered >= MAX_STEPS_PER_ADVANCE) {
                    exit(EXIT_LOOP_GUARD);
                    return;
                }
                Step step = current == null ? null : version.definition().steps().get(current);
                if (step == null) {
                    exit(EXIT_MISSING_STEP);
                    return;
                }
                stepId = step.id();
                state = EnrolmentState.ACTIVE;
                visits.merge(step.id(), 1, Integer::sum);
                current = enter(step);
                if (current == null) {
                    return; // waiting or done
                }
            }
        }

        /** Carries out one step; the id of the step to enter next, or null when the run stops here. */
        private String enter(Step step) {
            if (step instanceof Step.Send send) {
                Instant opens = windows.earliest(send.channel(), now);
                if (opens.isAfter(now)) {
                    // Not entered yet: the visit is counted (and the key made) when the window opens.
                    visits.merge(send.id(), -1, Integer::sum);
                    visits.remove(send.id(), 0);
                    waitUntil(opens);
                    return null;
                }
                send(send);
                return edge(send.next());
            }
            if (step instanceof Step.WaitDuration wait) {
                waitUntil(now.plus(wait.duration()));
                return null;
            }
            if (step instanceof Step.WaitUntil wait) {
                waitUntil(WaitTimes.nextAfter(wait.days(), wait.time(), now));
                return null;
            }
            if (step instanceof Step.WaitForSignal wait) {
                waitUntil(now.plus(wait.timeout()));
                return null;
            }
            if (step instanceof Step.Branch branch) {
                for (Step.BranchCase branchCase : branch.cases()) {
                    if (holds(branchCase)) {
                        return edge(branchCase.next());
                    }
                }
                return edge(branch.otherwise());
            }
            if (step instanceof Step.Split split) {
                List<Integer> weights = split.paths().stream().map(Step.SplitPath::weight).toList();
                int index = experimentChoice(split, split.paths().stream().map(Step.SplitPath::name).toList());
                Step.SplitPath path = split.paths().get(index < 0 ? StablePick.pick(stableKey(split), weights) : index);
                enterArm(split, path.name());
                choices.put(split.id(), path.name());
                return edge(path.next());
            }
            if (step instanceof Step.Update update) {
                effects.add(new Effect.ContactUpdateRequested(update.id(), update.field(), update.value()));
                return edge(update.next());
            }
            exit(EXIT_COMPLETED);
            return null;
        }

        /** An edge that is not filled in leads nowhere; the run loop exits on it as a missing step. */
        private static String edge(String target) {
            return target == null ? "" : target;
        }

        private void send(Step.Send send) {
            int index = experimentChoice(send, send.variants().stream().map(Step.Variant::name).toList());
            Step.Variant variant = send.variants().get(index < 0 ? StablePick.pick(stableKey(send),
                    send.variants().stream().map(Step.Variant::weight).toList()) : index);
            enterArm(send, variant.name());
            String key = version.tenant().value() + ":" + original.enrolmentId() + ":" + send.id() + ":"
                    + visits.get(send.id());
            effects.add(new Effect.SendRequested(key, send.id(), send.channel(), send.fallback(), variant.name(),
                    variant.templateId()));
            choices.put(send.id(), variant.name());
            choices.put(LAST_SEND_CHOICE, send.id());
        }

        /**
         * At the experiment step, the index of the arm this person must get regardless of weights: the one
         * they already have (someone past the step keeps theirs, also when they loop back after a winner
         * was declared), else the declared winner. -1 elsewhere, or when neither applies.
         */
        private int experimentChoice(Step step, List<String> names) {
            Experiment experiment = version.definition().experiment();
            if (experiment == null || !experiment.stepId().equals(step.id())) {
                return -1;
            }
            String kept = choices.get(step.id());
            int index = kept == null ? -1 : names.indexOf(kept);
            if (index < 0 && version.winner() != null) {
                index = names.indexOf(version.winner());
            }
            return index;
        }

        /** Counts the person into an experiment arm the first time they pass the experiment step. */
        private void enterArm(Step step, String arm) {
            Experiment experiment = version.definition().experiment();
            if (experiment != null && experiment.stepId().equals(step.id()) && !choices.containsKey(step.id())) {
                effects.add(new Effect.Counted(ResultCounter.ARM_ENTERED, step.id(), arm));
            }
        }

        /** Contact and step, not enrolment: the same person gets the same variant and path on re-entry too. */
        private String stableKey(Step step) {
            return original.contactId() + ":" + step.id();
        }

        private boolean holds(Step.BranchCase branchCase) {
            if (branchCase.contact() != null) {
                // "Today" is the Oslo date of now, as segments judge it. A predicted condition reads the person's
                // prediction; one who objects to profiling matches none (SegmentEvaluator applies the objection).
                return contact != null && SegmentEvaluator.matches(contact, ContactHistory.EMPTY.withPrediction(prediction),
                        branchCase.contact(), OsloTime.today(Clock.fixed(now, OsloTime.ZONE)));
            }
            if (branchCase.received() != null) {
                return received.stream().anyMatch(r -> branchCase.received().matches(r, version.journeyId()));
            }
            return branchCase.goalReached() && goalReachedAt != null;
        }

        private void waitUntil(Instant wakeAt) {
            state = EnrolmentState.WAITING;
            dueAt = wakeAt;
        }

        void remember(Signal signal) {
            received.add(Enrolment.ReceivedSignal.of(signal));
            while (received.size() > MAX_REMEMBERED_SIGNALS) {
                received.remove(0);
            }
        }

        /** Counts the goal, and the signal's amount as revenue when it carries one (a gift, a payment). */
        /** The variant a response or the goal is credited to: the last send's, or the holdout for a held-out person. */
        private String creditedVariant() {
            String lastSend = choices.get(LAST_SEND_CHOICE);
            return heldOut() ? Experiment.HOLDOUT : lastSend == null ? null : choices.get(lastSend);
        }

        /** Counts an answer or a payment (and its amount) at the step the person is at, under their last variant. */
        void countResponse(ResultCounter counter, Signal signal) {
            String variant = creditedVariant();
            effects.add(new Effect.Counted(counter, stepId, variant));
            long amount = amountOre(signal);
            if (counter == ResultCounter.PAID && amount > 0) {
                effects.add(new Effect.Counted(ResultCounter.PAID_ORE, stepId, variant, amount));
            }
        }

        void reachGoal(Signal signal) {
            goalReachedAt = signal.occurredAt();
            String variant = creditedVariant();
            effects.add(new Effect.Counted(ResultCounter.GOAL_REACHED, stepId, variant));
            long amount = amountOre(signal);
            if (amount > 0) {
                effects.add(new Effect.Counted(ResultCounter.GOAL_REVENUE_ORE, stepId, variant, amount));
            }
            String arm = arm(version.definition(), choices);
            if (arm != null) {
                String experimentStep = version.definition().experiment().stepId();
                effects.add(new Effect.Counted(ResultCounter.ARM_CONVERTED, experimentStep, arm));
                if (amount > 0) {
                    effects.add(new Effect.Counted(ResultCounter.ARM_REVENUE_ORE, experimentStep, arm, amount));
                    long squared = squaredKroner(amount);
                    if (squared > 0) {
                        effects.add(new Effect.Counted(ResultCounter.ARM_REVENUE_SQ_KR, experimentStep, arm, squared));
                    }
                }
            }
        }

        /** Counts an opt-out against the person's arm, once per enrolment (the marker stays in the choices). */
        void optOutOfArm() {
            String arm = arm(version.definition(), choices);
            choices.put(ARM_OPTED_OUT_CHOICE, arm);
            effects.add(new Effect.Counted(ResultCounter.ARM_OPTED_OUT, version.definition().experiment().stepId(), arm));
        }

        private boolean heldOut() {
            Experiment experiment = version.definition().experiment();
            return experiment != null && Experiment.HOLDOUT.equals(choices.get(experiment.stepId()));
        }

        void exit(String reason) {
            state = EnrolmentState.DONE;
            dueAt = null;
            exitReason = reason;
            // A held-out person's exit is kept with their arm, beside their ARM_ENTERED.
            effects.add(new Effect.Counted(ResultCounter.EXITED, stepId, heldOut() ? Experiment.HOLDOUT : null));
        }

        Advance result() {
            Enrolment next = new Enrolment(original.tenant(), original.enrolmentId(), original.journeyId(),
                    original.version(), original.contactId(), state, stepId, dueAt, original.enrolledAt(),
                    original.goalDeadline(), goalReachedAt, choices, visits, received, exitReason,
                    original.revision() + 1);
            return new Advance(next, effects, true);
        }
    }

    /**
     * {@code round((amountOre / 100)²)}: one person's revenue squared in kroner², for the variance of
     * revenue per person. Saturates at {@link Long#MAX_VALUE} (a gift above three billion kroner) rather
     * than wrap to a negative count.
     */
    static long squaredKroner(long amountOre) {
        java.math.BigDecimal kroner = java.math.BigDecimal.valueOf(amountOre).movePointLeft(2);
        java.math.BigInteger squared = kroner.multiply(kroner).setScale(0, java.math.RoundingMode.HALF_UP)
                .toBigInteger();
        return squared.bitLength() < Long.SIZE ? squared.longValue() : Long.MAX_VALUE;
    }

    /** The signal's {@code amountOre} attribute, or 0 when it has none or it is not a whole positive number. */
    static long amountOre(Signal signal) {
        String amount = signal.attributes().get(AMOUNT_ATTRIBUTE);
        if (amount == null || amount.isEmpty() || amount.length() > 15 || !amount.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(amount);
    }
}
