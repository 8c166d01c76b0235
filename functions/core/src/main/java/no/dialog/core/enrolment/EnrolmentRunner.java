package no.dialog.core.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.journey.Advance;
import no.dialog.core.journey.Effect;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.Experiment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.journey.JourneyEngine;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyVersion;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.journey.Step;
import no.dialog.core.journey.Trigger;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantId;

/**
 * Runs journeys against the stores: enrols people, advances them when due, applies signals. The
 * journey rules themselves are in {@link JourneyEngine}; this class adds what makes them safe to run
 * on queues with many workers:
 * <ul>
 *   <li>every change is committed only if the enrolment's revision is still the one it was computed
 *       from, so a redelivered message or a second worker cannot move a person twice;</li>
 *   <li>sends are committed with the state ("pending") and put on their queues after the commit; a
 *       crash in between leaves them pending, and the next attempt (the message is redelivered because
 *       it was not acknowledged) enqueues them again under the same idempotency key, which the sender
 *       refuses to send twice;</li>
 *   <li>the frequency cap is checked before the commit, so "capped" is part of the committed result.</li>
 * </ul>
 */
public final class EnrolmentRunner {

    private final EnrolmentStore store;
    private final JourneyCatalog catalog;
    private final ContactStore contacts;
    private final SendAllowance allowance;
    private final SendQueues sendQueues;
    private final StepQueue steps;
    private final JourneyEntries entries;
    private final ContactUpdates contactUpdates;
    private final FrequencyCaps caps;
    private final Clock clock;
    private final JourneyEngine engine = new JourneyEngine();
    private final TenantSendWindows windows;
    private final PredictionTables predictions;

    /** How often a signal is applied to an enrolment that other writes keep changing before its message fails. */
    static final int SIGNAL_ATTEMPTS = 5;

    public EnrolmentRunner(EnrolmentStore store, JourneyCatalog catalog, ContactStore contacts,
                           SendAllowance allowance, SendQueues sendQueues, StepQueue steps,
                           JourneyEntries entries, ContactUpdates contactUpdates, FrequencyCaps caps,
                           TenantSendWindows windows, Clock clock) {
        this(store, catalog, contacts, allowance, sendQueues, steps, entries, contactUpdates, caps, windows,
                PredictionTables.NONE, clock);
    }

    /** @param predictions the organisations' prediction tables, read for branches on {@code predicted.*} fields */
    public EnrolmentRunner(EnrolmentStore store, JourneyCatalog catalog, ContactStore contacts,
                           SendAllowance allowance, SendQueues sendQueues, StepQueue steps,
                           JourneyEntries entries, ContactUpdates contactUpdates, FrequencyCaps caps,
                           TenantSendWindows windows, PredictionTables predictions, Clock clock) {
        this.predictions = Objects.requireNonNull(predictions);
        this.windows = Objects.requireNonNull(windows);
        this.store = Objects.requireNonNull(store);
        this.catalog = Objects.requireNonNull(catalog);
        this.contacts = Objects.requireNonNull(contacts);
        this.allowance = Objects.requireNonNull(allowance);
        this.sendQueues = Objects.requireNonNull(sendQueues);
        this.steps = Objects.requireNonNull(steps);
        this.entries = Objects.requireNonNull(entries);
        this.contactUpdates = Objects.requireNonNull(contactUpdates);
        this.caps = Objects.requireNonNull(caps);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Enrols these people into the journey version (a chunk of a campaign or recurring run) and asks
     * for their first steps. Safe to repeat: people already in it are left alone.
     */
    public Map<Outcome, Integer> enrol(TenantId tenant, String journeyId, int version, List<String> contactIds) {
        JourneyVersion journey = catalog.version(tenant, journeyId, version)
                .orElseThrow(() -> new PermanentFailure("unknown journey version"));
        JourneyStatus status = catalog.status(tenant, journeyId).orElse(JourneyStatus.ENDED);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        if (status == JourneyStatus.ENDED || status == JourneyStatus.DRAFT) {
            outcomes.put(Outcome.NOT_ENROLLED, contactIds.size());
            return outcomes;
        }
        List<EnrolmentRef> created = new ArrayList<>();
        for (String contactId : contactIds) {
            Entry entry = enrolOne(journey, contactId, true);
            if (entry.ref() != null) {
                created.add(entry.ref());
            }
            outcomes.merge(entry.ref() != null ? Outcome.ADVANCED : Outcome.NOT_ENROLLED, 1, Integer::sum);
        }
        if (!created.isEmpty()) {
            steps.advance(tenant, created);
        }
        return outcomes;
    }

    /**
     * Enrols one chunk of a run (ADR 0034) and says what became of each person. A campaign's run
     * ({@link CampaignReruns#isCampaignRun}) enrols a person once per journey, whatever the entry rules
     * say about re-entering after an exit, so running a campaign again never enrols anyone twice; a
     * recurring entry's run follows the entry rules.
     */
    public RunChunk enrolRun(TenantId tenant, String journeyId, int version, String runId, List<String> contactIds) {
        JourneyVersion journey = catalog.version(tenant, journeyId, version)
                .orElseThrow(() -> new PermanentFailure("unknown journey version"));
        JourneyStatus status = catalog.status(tenant, journeyId).orElse(JourneyStatus.ENDED);
        if (status != JourneyStatus.ACTIVE) {
            return new RunChunk(0, 0, 0, contactIds.size());
        }
        boolean mayReenter = !CampaignReruns.isCampaignRun(runId);
        List<EnrolmentRef> created = new ArrayList<>();
        RunChunk outcome = RunChunk.NONE;
        for (String contactId : contactIds) {
            Entry entry = enrolOne(journey, contactId, mayReenter);
            if (entry.ref() != null) {
                created.add(entry.ref());
                outcome = outcome.plus(new RunChunk(1, 0, 0, 0));
            } else if (entry.overCap()) {
                outcome = outcome.plus(new RunChunk(0, 0, 1, 0));
            } else {
                outcome = outcome.plus(new RunChunk(0, 1, 0, 0));
            }
        }
        if (!created.isEmpty()) {
            steps.advance(tenant, created);
        }
        return outcome;
    }

    /** An enrolment made ({@code ref}), or refused: over the cap, or the person is in the journey already. */
    private record Entry(EnrolmentRef ref, boolean overCap) {
        static final Entry ALREADY_IN = new Entry(null, false);
        static final Entry OVER_CAP = new Entry(null, true);
    }

    /** @param mayReenter whether the journey's re-entry rule applies (false: once in the journey, never again) */
    private Entry enrolOne(JourneyVersion journey, String contactId, boolean mayReenter) {
        TenantId tenant = journey.tenant();
        Optional<Enrolment> latest = store.latest(tenant, contactId, journey.journeyId());
        int entry = 1;
        if (latest.isPresent()) {
            boolean reenters = mayReenter && journey.definition().entry().reenterAfterExit()
                    && latest.get().state() == EnrolmentState.DONE;
            if (!reenters) {
                return Entry.ALREADY_IN;
            }
            entry = EnrolmentIds.entryOf(latest.get().enrolmentId()) + 1;
        }
        if (!entries.takePlace(tenant, journey.journeyId(), journey.definition().entry().maxEnrolments())) {
            return Entry.OVER_CAP;
        }
        String enrolmentId = EnrolmentIds.of(tenant, journey.journeyId(), entry, contactId);
        Advance start = engine.enrol(journey, enrolmentId, contactId, clock.instant());
        if (!store.create(start.next(), counts(journey, start.effects()))) {
            entries.returnPlace(tenant, journey.journeyId());
            return Entry.ALREADY_IN;
        }
        return new Entry(new EnrolmentRef(contactId, enrolmentId), false);
    }

    /** Advances one enrolment if it is due. */
    public Outcome advance(TenantId tenant, EnrolmentRef ref) {
        Optional<EnrolmentStore.Stored> found = store.load(tenant, ref);
        if (found.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        Enrolment enrolment = found.get().enrolment();
        flushPending(found.get().pendingSends(), enrolment);
        if (enrolment.state() == EnrolmentState.DONE) {
            return Outcome.UNCHANGED;
        }
        JourneyStatus status = catalog.status(tenant, enrolment.journeyId()).orElse(JourneyStatus.ENDED);
        if (status == JourneyStatus.PAUSED) {
            return Outcome.PAUSED;
        }
        Instant now = clock.instant();
        if (status != JourneyStatus.ACTIVE) {
            return exit(enrolment, "journey-ended", now);
        }
        JourneyVersion journey = versionOf(enrolment);
        Optional<Contact> contact = contacts.find(tenant, ref.contactId());
        if (contact.isEmpty()) {
            return exit(enrolment, "contact-removed", now);
        }
        return apply(journey, enrolment, engine.advance(journey, enrolment, contact.get(), now, windows.of(tenant),
                predictionOf(tenant, journey, ref.contactId())));
    }

    /**
     * Applies a signal to the person's running enrolments (goals, waits, branches later) and enrols
     * them in active journeys that start on it.
     */
    public Map<Outcome, Integer> signal(TenantId tenant, Signal signal) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Optional<Contact> contact = contacts.find(tenant, signal.contactId());
        if (contact.isEmpty()) {
            outcomes.put(Outcome.UNCHANGED, 1);
            return outcomes;
        }
        Instant now = clock.instant();
        for (Enrolment enrolment : store.ofContact(tenant, signal.contactId())) {
            if (enrolment.state() == EnrolmentState.DONE) {
                continue;
            }
            if (catalog.status(tenant, enrolment.journeyId()).orElse(JourneyStatus.ENDED) != JourneyStatus.ACTIVE) {
                outcomes.merge(Outcome.PAUSED, 1, Integer::sum);
                continue;
            }
            outcomes.merge(applySignal(tenant, enrolment, contact.get(), signal, now), 1, Integer::sum);
        }
        for (JourneyVersion journey : catalog.active(tenant)) {
            if (journey.definition().trigger() instanceof Trigger.OnSignal onSignal
                    && onSignal.match().matches(signal, journey.journeyId())) {
                String key = onSignal.dedupAttribute() == null ? signal.signalId()
                        : signal.attributes().getOrDefault(onSignal.dedupAttribute(), signal.signalId());
                if (entries.seen(tenant, journey.journeyId(), key)) {
                    outcomes.merge(Outcome.NOT_ENROLLED, 1, Integer::sum);
                    continue;
                }
                EnrolmentRef ref = enrolOne(journey, signal.contactId(), true).ref();
                entries.markSeen(tenant, journey.journeyId(), key);
                if (ref != null) {
                    steps.advance(tenant, List.of(ref));
                }
                outcomes.merge(ref != null ? Outcome.ADVANCED : Outcome.NOT_ENROLLED, 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** The person's prediction, read only when a branch of the journey asks about one (ADR 0037). */
    private Prediction predictionOf(TenantId tenant, JourneyVersion journey, String contactId) {
        if (!JourneyEngine.branchesUsePredictions(journey.definition())) {
            return Prediction.NONE;
        }
        return predictions.latest(tenant).map(table -> table.find(contactId)).orElse(Prediction.NONE);
    }

    /**
     * Applies a signal to one enrolment. When another write changed the enrolment meanwhile (a second answer
     * of the same form, a due step), the signal is applied again to the enrolment as it now stands: the engine
     * recognises a signal it already applied, so nothing happens twice, and nothing is lost. After
     * {@link #SIGNAL_ATTEMPTS} lost races the message fails, and the queue delivers it again.
     */
    private Outcome applySignal(TenantId tenant, Enrolment enrolment, Contact contact, Signal signal, Instant now) {
        Enrolment current = enrolment;
        for (int attempt = 1; ; attempt++) {
            JourneyVersion journey = versionOf(current);
            Outcome outcome = apply(journey, current, engine.onSignal(journey, current, contact, signal, now,
                    windows.of(tenant), predictionOf(tenant, journey, current.contactId())));
            if (outcome != Outcome.LOST_RACE) {
                return outcome;
            }
            if (attempt == SIGNAL_ATTEMPTS) {
                throw new IllegalStateException("the enrolment kept changing while a signal was applied; it will be"
                        + " delivered again");
            }
            Optional<EnrolmentStore.Stored> reloaded = store.load(tenant,
                    new EnrolmentRef(current.contactId(), current.enrolmentId()));
            if (reloaded.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            current = reloaded.get().enrolment();
        }
    }

    /** Dispatches what is due in one shard of the due index; returns how many were dispatched. */
    public long sweep(int shard) {
        long[] dispatched = {0};
        store.forEachDue(shard, clock.instant(), page -> {
            Map<TenantId, List<EnrolmentRef>> byTenant = new java.util.LinkedHashMap<>();
            for (EnrolmentStore.DueEnrolment due : page) {
                byTenant.computeIfAbsent(due.tenant(), t -> new ArrayList<>()).add(due.ref());
            }
            byTenant.forEach(steps::advance);
            dispatched[0] += page.size();
        });
        return dispatched[0];
    }

    private JourneyVersion versionOf(Enrolment enrolment) {
        return catalog.version(enrolment.tenant(), enrolment.journeyId(), enrolment.version())
                .orElseThrow(() -> new PermanentFailure("enrolment points at a missing journey version"));
    }

    private Outcome exit(Enrolment enrolment, String reason, Instant now) {
        Enrolment done = new Enrolment(enrolment.tenant(), enrolment.enrolmentId(), enrolment.journeyId(),
                enrolment.version(), enrolment.contactId(), EnrolmentState.DONE, enrolment.stepId(), null,
                enrolment.enrolledAt(), enrolment.goalDeadline(), enrolment.goalReachedAt(), enrolment.choices(),
                enrolment.visits(), enrolment.received(), reason, enrolment.revision() + 1);
        // A held-out person is parked at the experiment step with the choice "holdout" there (no arm of
        // anyone else has that name): their exit is kept with their arm, as the engine keeps it.
        String variant = Experiment.HOLDOUT.equals(enrolment.choices().get(enrolment.stepId()))
                ? Experiment.HOLDOUT : null;
        List<ResultKey> counts = List.of(new ResultKey(enrolment.journeyId(), enrolment.version(),
                enrolment.stepId(), variant, ResultCounter.EXITED));
        return store.commit(enrolment, done, List.of(), counts) ? Outcome.ADVANCED : Outcome.LOST_RACE;
    }

    private Outcome apply(JourneyVersion journey, Enrolment previous, Advance advance) {
        if (!advance.changed()) {
            return Outcome.UNCHANGED;
        }
        Instant now = clock.instant();
        List<ResultKey> counts = counts(journey, advance.effects());
        List<SendRequest> sends = new ArrayList<>();
        for (Effect effect : advance.effects()) {
            if (effect instanceof Effect.SendRequested send) {
                Optional<SendChannel> channel = channelFor(send);
                ResultCounter counter;
                if (channel.isEmpty()) {
                    counter = ResultCounter.NOT_SENDABLE;
                } else if (allowance.reserve(previous.tenant(), previous.contactId(), channel.get(),
                        send.idempotencyKey(), caps.capFor(previous.tenant(), channel.get()), now)) {
                    counter = ResultCounter.QUEUED;
                    sends.add(new SendRequest(previous.tenant().value(), send.idempotencyKey(),
                            previous.contactId(), previous.enrolmentId(), journey.journeyId(), journey.version(),
                            send.stepId(), channel.get().jsonName(),
                            send.fallback() == null ? null : send.fallback().jsonName(),
                            channel.get() == send.channel() ? send.templateId()
                                    : Step.Send.fallbackTemplateId(send.templateId(), channel.get()),
                            send.variant(), now));
                } else {
                    counter = ResultCounter.CAPPED;
                }
                counts.add(new ResultKey(journey.journeyId(), journey.version(), send.stepId(), send.variant(), counter));
            } else if (effect instanceof Effect.ContactUpdateRequested update) {
                contactUpdates.requested(previous.tenant(), previous.contactId(), update.field(), update.value(),
                        previous.tenant().value() + ":" + previous.enrolmentId() + ":" + update.stepId()
                                + ":" + advance.next().revision());
            }
        }
        if (!store.commit(previous, advance.next(), sends, counts)) {
            return Outcome.LOST_RACE;
        }
        if (!sends.isEmpty()) {
            sendQueues.enqueue(sends);
            store.clearPending(advance.next());
        }
        return Outcome.ADVANCED;
    }

    /** The step's channel if a sender serves it, else its fallback if one does. */
    private Optional<SendChannel> channelFor(Effect.SendRequested send) {
        if (sendQueues.serves(send.channel())) {
            return Optional.of(send.channel());
        }
        if (send.fallback() != null && sendQueues.serves(send.fallback())) {
            return Optional.of(send.fallback());
        }
        return Optional.empty();
    }

    private void flushPending(List<SendRequest> pending, Enrolment enrolment) {
        if (!pending.isEmpty()) {
            sendQueues.enqueue(pending);
            store.clearPending(enrolment);
        }
    }

    private static List<ResultKey> counts(JourneyVersion journey, List<Effect> effects) {
        List<ResultKey> counts = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.Counted counted) {
                counts.add(new ResultKey(journey.journeyId(), journey.version(), counted.stepId(),
                        counted.variant(), counted.counter(), counted.by()));
            }
        }
        return counts;
    }
}
