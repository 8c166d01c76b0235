package no.dialog.core.send;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.enrolment.ResultCounts;
import no.dialog.core.enrolment.ResultScope;
import no.dialog.core.enrolment.ResultTally;
import no.dialog.core.enrolment.SendQueues;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Signal;
import no.dialog.core.journey.Step;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.landing.PersonalLinks;
import no.dialog.core.template.MergeFields;
import no.dialog.core.template.MessageContext;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.RenderedMessage;
import no.dialog.core.template.TemplateRenderer;
import no.dialog.core.template.TemplateRenderingException;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;

/**
 * Sends one message per {@link SendRequest} on one channel, lawfully and at most once per idempotency
 * key, however often SQS delivers the request (ADR 0005). Every channel's sender is this class with that
 * channel's {@link ChannelDelivery}.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>The tenant must exist, and the key must be the tenant's; else the request goes to the DLQ.</li>
 *   <li>If the {@link SendLedger} already has the key in a settled state, nothing more is done. If it is
 *       {@link SendState#INTENDED}, an earlier attempt took the key and left no outcome: it may have
 *       crashed after the provider accepted the message, or it may still be running. Either way it is
 *       <em>not</em> sent again; it is marked {@link SendState#UNCONFIRMED} and the provider's report
 *       (which carries the key) settles it later.</li>
 *   <li>No contact: {@link SendState#NOT_SENDABLE}.</li>
 *   <li>The {@link SendRules}: unreachable on the channel → the step's fallback channel if it has one
 *       (a new request with the key plus {@code :<channel>}, on that channel's queue), else not sendable;
 *       refused (consent, opt-out, reservation) → recorded as not sendable with the reason; not now
 *       (quiet hours, calling window) → {@link SendOutcome#DEFERRED} with the time, nothing recorded.</li>
 *   <li>A missing, wrong-channel or unrenderable template, or a message the delivery cannot build, is a
 *       {@link PermanentFailure}: the request goes to the DLQ with the reason and nothing is written to
 *       the ledger, so redriving it after the fix sends it.</li>
 *   <li>The intent is recorded <em>before</em> the provider is called ({@link SendLedger#recordIntent},
 *       conditional): only the attempt that creates the entry calls.</li>
 *   <li>Accepted: {@link SendState#SENT}. Refused ({@link ProviderRejected}): {@link SendState#FAILED},
 *       no retry. Unavailable and surely nothing accepted: {@link SendState#RETRYABLE}, and the exception
 *       goes on so SQS delivers the request again. Unavailable but possibly accepted (no answer in time):
 *       {@link SendState#UNCONFIRMED}, never resent.</li>
 *   <li>Failed, not sendable and refused sends are published as a {@code failed} response (with a
 *       {@code reason} attribute: {@code provider}, {@code unreachable} or {@code refused}), so a journey
 *       can wait for or branch on it.</li>
 *   <li>With {@link #withResults}, each of these outcomes is counted in the journey's results once: only when the
 *       ledger's write that records it made the change (ADR 0029).</li>
 *   <li>When the provider's acceptance already is the delivery ({@link DeliveryReceipt#delivered()}, a
 *       newsletter list sync), a {@code delivered} response with the receipt's attributes (plus
 *       {@code channel} and {@code stepId}) is published right after the ledger records the send.</li>
 * </ol>
 *
 * <pre>{@code
 * OnceSender<SmsMessage> sender = new OnceSender<>(tenants, contacts, templates, new TemplateRenderer(),
 *         ledger, rules, new SmsDelivery(link, null), queues, responses, clock);
 * SendResult result = sender.send(request);
 * List<SendAttempt> attempts = sender.sendAll(requests); // a queue batch, one provider call
 * }</pre>
 */
public final class OnceSender<M> {

    private final TenantDirectory tenants;
    private final ContactStore contacts;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final SendLedger ledger;
    private final SendRules rules;
    private final ChannelDelivery<M> delivery;
    private final SendQueues fallbackQueues;
    private final ResponsePublisher responses;
    private final Clock clock;
    private java.util.concurrent.Executor ledgerWrites;
    private ResultCounts results = ResultCounts.NONE;
    private final PersonalLinks links;

    /** A sender whose messages carry no personal link (the placeholder stands in for {@code {{ link }}}). */
    public OnceSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
                      TemplateRenderer renderer, SendLedger ledger, SendRules rules, ChannelDelivery<M> delivery,
                      SendQueues fallbackQueues, ResponsePublisher responses, Clock clock) {
        this(tenants, contacts, templates, renderer, ledger, rules, delivery, fallbackQueues, responses, clock,
                PersonalLinks.NONE);
    }

    /** @param links mints the person's landing link when a template uses {@code {{ link }}} */
    public OnceSender(TenantDirectory tenants, ContactStore contacts, TemplateStore templates,
                      TemplateRenderer renderer, SendLedger ledger, SendRules rules, ChannelDelivery<M> delivery,
                      SendQueues fallbackQueues, ResponsePublisher responses, Clock clock, PersonalLinks links) {
        this.links = Objects.requireNonNull(links);
        this.tenants = Objects.requireNonNull(tenants);
        this.contacts = Objects.requireNonNull(contacts);
        this.templates = Objects.requireNonNull(templates);
        this.renderer = Objects.requireNonNull(renderer);
        this.ledger = Objects.requireNonNull(ledger);
        this.rules = Objects.requireNonNull(rules);
        this.delivery = Objects.requireNonNull(delivery);
        this.fallbackQueues = Objects.requireNonNull(fallbackQueues);
        this.responses = Objects.requireNonNull(responses);
        this.clock = Objects.requireNonNull(clock);
    }

    public SendChannel channel() {
        return delivery.channel();
    }

    /**
     * @throws PermanentFailure    the request can never be sent as it is (reason without personal data)
     * @throws ProviderUnavailable the provider accepted nothing this time; deliver the request again
     */
    public SendResult send(SendRequest request) {
        ResultTally tally = new ResultTally();
        try {
            return send(request, tally);
        } finally {
            tally.flushTo(results, clock.instant());
        }
    }

    private SendResult send(SendRequest request, ResultTally tally) {
        requireChannel(request);
        TenantId tenantId = tenantOf(request);
        Tenant tenant = tenants.find(tenantId)
                .orElseThrow(() -> new PermanentFailure("unknown tenant " + tenantId));
        String key = request.idempotencyKey();

        Optional<LedgerEntry> existing = ledger.find(key);
        if (existing.isPresent() && existing.get().state().settled()) {
            return settled(existing.get());
        }

        Optional<Contact> found = contacts.find(tenantId, request.contactId());
        if (found.isEmpty()) {
            return notSendable(tally, request, SendOutcome.NOT_SENDABLE, "unreachable", "contact not found");
        }
        Contact contact = found.get();
        Instant now = clock.instant();
        SendVerdict verdict = rules.check(tenant, contact, delivery.channel(), now);
        if (!(verdict instanceof SendVerdict.Allowed)) {
            return notAllowed(tally, request, verdict, now);
        }

        MessageTemplate template = template(tenantId, request);
        RenderedMessage rendered = render(template, contact, tenant, request);
        M message = delivery.prepare(new OutgoingMessage(tenant, contact, request, template, rendered));

        boolean taken = existing.isPresent()
                ? ledger.reclaim(key, now)
                : ledger.recordIntent(key, tenantId, delivery.channel(), request.contactId(),
                        ResultScope.of(request), now);
        if (!taken) {
            // Another attempt of the same request got here first; its outcome is the one that counts.
            return settled(ledger.find(key).orElseThrow(
                    () -> new IllegalStateException("the send ledger refused the key but has no entry for it")));
        }
        return call(tally, request, message, rendered);
    }

    /**
     * Sends a batch of requests with the same guarantees as {@link #send} for each, in fewer calls: the
     * contacts are read in one batch per tenant ({@link ContactStore#findAll}), the rules and the template
     * apply per message, the keys are taken with one {@link SendLedger#writeAll} of conditional intents (the
     * ledger is not read first; only a key that has an entry already is read), the taken messages go to the
     * provider in one call per {@link BatchChannelDelivery#maxBatchSize()}, and the provider's answers are
     * recorded with one {@code writeAll} per call, when the delivery can batch (else one by one through
     * {@link #send}). One message's failure is that message's only: a bad number fails its own request and
     * the others are sent.
     *
     * <p>A request whose key is settled, or that the rules or the template stop, reads the ledger first, as
     * {@link #send} does, so that a redelivery of an already sent request never falls back to another
     * channel or goes to the DLQ.
     *
     * @return one attempt per request, in the same order
     */
    public List<SendAttempt> sendAll(List<SendRequest> requests) {
        // The same request twice in one batch (SQS delivered it twice at once): the copy shares the
        // first one's attempt instead of racing it for the key.
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<SendRequest> distinct = new ArrayList<>();
        int[] slot = new int[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            Integer first = firstWithKey.putIfAbsent(requests.get(i).idempotencyKey(), distinct.size());
            if (first == null) {
                slot[i] = distinct.size();
                distinct.add(requests.get(i));
            } else {
                slot[i] = first;
            }
        }
        ResultTally tally = new ResultTally();
        List<SendAttempt> done;
        try {
            done = sendDistinct(distinct.size() == requests.size() ? requests : distinct, tally);
        } finally {
            tally.flushTo(results, clock.instant());
        }
        List<SendAttempt> attempts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            SendAttempt attempt = done.get(slot[i]);
            attempts.add(attempt.request() == requests.get(i) ? attempt
                    : new SendAttempt(requests.get(i), attempt.result(), attempt.failure()));
        }
        return attempts;
    }

    private List<SendAttempt> sendDistinct(List<SendRequest> requests, ResultTally tally) {
        if (!(delivery instanceof BatchChannelDelivery<M> batch)) {
            List<SendAttempt> attempts = new ArrayList<>(requests.size());
            for (SendRequest request : requests) {
                attempts.add(attempt(request, () -> send(request, tally)));
            }
            return attempts;
        }
        SendAttempt[] attempts = new SendAttempt[requests.size()];
        Map<TenantId, Optional<Tenant>> tenantsSeen = new HashMap<>();
        Map<TenantId, List<Integer>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            SendRequest request = requests.get(i);
            try {
                requireChannel(request);
                TenantId tenantId = tenantOf(request);
                if (tenantsSeen.computeIfAbsent(tenantId, tenants::find).isEmpty()) {
                    throw new PermanentFailure("unknown tenant " + tenantId);
                }
                byTenant.computeIfAbsent(tenantId, t -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) {
                attempts[i] = SendAttempt.failed(request, e);
            }
        }

        List<Taken<M>> prepared = new ArrayList<>();
        Instant now = clock.instant();
        // One template read per template in the batch, not per message.
        Map<String, Optional<MessageTemplate>> templatesSeen = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<TenantId, List<Integer>> group : byTenant.entrySet()) {
            Tenant tenant = tenantsSeen.get(group.getKey()).orElseThrow();
            Map<String, Contact> found;
            try {
                found = contacts.findAll(group.getKey(), group.getValue().stream()
                        .map(i -> requests.get(i).contactId()).toList());
            } catch (RuntimeException e) {
                group.getValue().forEach(i -> attempts[i] = SendAttempt.failed(requests.get(i), e));
                continue;
            }
            List<Taken<M>> takes = inParallel(group.getValue(), i -> {
                SendRequest request = requests.get(i);
                try {
                    return prepare(tally, request, tenant, found.get(request.contactId()), now, i, templatesSeen);
                } catch (RuntimeException e) {
                    attempts[i] = SendAttempt.failed(request, e);
                    return null;
                }
            });
            for (int k = 0; k < takes.size(); k++) {
                Taken<M> take = takes.get(k);
                int i = group.getValue().get(k);
                if (take == null) {
                    continue;
                }
                if (take.result() != null) {
                    attempts[i] = SendAttempt.done(requests.get(i), take.result());
                } else {
                    prepared.add(take);
                }
            }
        }

        List<Taken<M>> taken = takeKeys(prepared, now, attempts);

        for (int from = 0; from < taken.size(); from += batch.maxBatchSize()) {
            List<Taken<M>> chunk = taken.subList(from, Math.min(taken.size(), from + batch.maxBatchSize()));
            List<DeliveryOutcome> outcomes;
            try {
                outcomes = batch.deliverAll(chunk.stream().map(Taken::message).toList());
            } catch (RuntimeException e) {
                // Not a provider answer (those come as outcomes): the keys stay INTENDED and a redelivery
                // marks them UNCONFIRMED, as after a crash.
                chunk.forEach(t -> attempts[t.index()] = SendAttempt.failed(t.request(), e));
                continue;
            }
            settleAll(tally, chunk, outcomes, attempts);
        }
        return List.of(attempts);
    }

    /**
     * Takes the prepared requests' keys with one {@link SendLedger#writeAll} of their intents: a key that is
     * created is this attempt's to send. A key that has an entry already (a redelivery, a crash before the
     * call) is read, and only a RETRYABLE one is reclaimed; the others are settled as {@link #send} settles
     * them and never sent again.
     *
     * @return the taken ones, in the batch's order
     */
    private List<Taken<M>> takeKeys(List<Taken<M>> prepared, Instant now, SendAttempt[] attempts) {
        List<Boolean> created;
        try {
            created = ledger.writeAll(prepared.stream().map(t -> (LedgerWrite) new LedgerWrite.Intent(
                    t.request().idempotencyKey(), TenantId.of(t.request().tenant()), delivery.channel(),
                    t.request().contactId(), ResultScope.of(t.request()), now)).toList());
        } catch (RuntimeException e) {
            // Some intents may be recorded: those keys are never sent (a redelivery finds them INTENDED).
            prepared.forEach(t -> attempts[t.index()] = SendAttempt.failed(t.request(), e));
            return List.of();
        }
        List<Taken<M>> taken = new ArrayList<>(prepared.size());
        List<Taken<M>> existing = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            (created.get(k) ? taken : existing).add(prepared.get(k));
        }
        // Only a key that has an entry already is read (a first delivery never reads the ledger), all in one go.
        Map<String, LedgerEntry> entries;
        try {
            entries = existing.isEmpty() ? Map.of()
                    : ledger.findAll(existing.stream().map(t -> t.request().idempotencyKey()).toList());
        } catch (RuntimeException e) {
            existing.forEach(t -> attempts[t.index()] = SendAttempt.failed(t.request(), e));
            existing = List.of();
            entries = Map.of();
        }
        Map<String, LedgerEntry> read = entries;
        for (Taken<M> again : inParallel(existing, t -> {
            try {
                return retake(t, read.get(t.request().idempotencyKey()), now);
            } catch (RuntimeException e) {
                attempts[t.index()] = SendAttempt.failed(t.request(), e);
                return null;
            }
        })) {
            if (again == null) {
                continue;
            }
            if (again.result() != null) {
                attempts[again.index()] = SendAttempt.done(again.request(), again.result());
            } else {
                taken.add(again);
            }
        }
        taken.sort(java.util.Comparator.comparingInt(Taken::index));
        return taken;
    }

    /** A prepared request whose key has an entry: reclaimed if RETRYABLE, else its settled result. */
    private Taken<M> retake(Taken<M> prepared, LedgerEntry entry, Instant now) {
        String key = prepared.request().idempotencyKey();
        if (entry == null) {
            throw new IllegalStateException("the send ledger refused the key but has no entry for it");
        }
        if (entry.state().settled()) {
            return prepared.ended(settled(entry));
        }
        if (ledger.reclaim(key, now)) {
            return prepared;
        }
        return prepared.ended(settled(ledger.find(key).orElseThrow(
                () -> new IllegalStateException("the send ledger refused the key but has no entry for it"))));
    }

    /**
     * Records the provider's answers for a chunk of taken messages in one {@link SendLedger#writeAll}, then
     * counts and publishes what each write changed, as {@link #call} does for one. If the writes fail, the
     * keys stay INTENDED (or some are recorded): a redelivery marks the rest UNCONFIRMED and sends nothing.
     */
    private void settleAll(ResultTally tally, List<Taken<M>> chunk, List<DeliveryOutcome> outcomes,
                           SendAttempt[] attempts) {
        List<LedgerWrite> writes = new ArrayList<>(chunk.size());
        for (int j = 0; j < chunk.size(); j++) {
            writes.add(outcomeWrite(chunk.get(j), outcomes.get(j)));
        }
        List<Boolean> changed;
        try {
            changed = ledger.writeAll(writes);
        } catch (RuntimeException e) {
            chunk.forEach(t -> attempts[t.index()] = SendAttempt.failed(t.request(), e));
            return;
        }
        for (int j = 0; j < chunk.size(); j++) {
            Taken<M> one = chunk.get(j);
            LedgerWrite write = writes.get(j);
            boolean made = changed.get(j);
            DeliveryOutcome outcome = outcomes.get(j);
            attempts[one.index()] = attempt(one.request(), () -> recorded(tally, one.request(), outcome, write, made));
        }
    }

    /** The ledger's write for a taken message's answer from the provider. */
    private LedgerWrite outcomeWrite(Taken<M> taken, DeliveryOutcome outcome) {
        String key = taken.request().idempotencyKey();
        return switch (outcome) {
            case DeliveryOutcome.Accepted accepted -> new LedgerWrite.Sent(key,
                    accepted.receipt().providerMessageId(), parts(accepted.receipt(), taken.rendered()));
            case DeliveryOutcome.Rejected rejected -> new LedgerWrite.Failed(key, rejected.reason());
            case DeliveryOutcome.Unavailable unavailable -> unavailable.possiblyAccepted()
                    ? new LedgerWrite.Unconfirmed(key, unavailable.reason())
                    : new LedgerWrite.Retryable(key, unavailable.reason());
        };
    }

    /** What an answer means once the ledger recorded it ({@code made}: this write made the change). */
    private SendResult recorded(ResultTally tally, SendRequest request, DeliveryOutcome outcome, LedgerWrite write,
                                boolean made) {
        return switch (outcome) {
            case DeliveryOutcome.Accepted accepted ->
                    afterSent(tally, request, accepted.receipt(), ((LedgerWrite.Sent) write).parts(), made);
            case DeliveryOutcome.Rejected rejected -> {
                if (made) {
                    count(tally, request, ResultCounter.FAILED_PROVIDER, 1);
                }
                publishFailed(request, "provider", rejected.reason());
                yield SendResult.of(SendOutcome.FAILED);
            }
            case DeliveryOutcome.Unavailable unavailable -> {
                if (unavailable.possiblyAccepted()) {
                    yield SendResult.of(SendOutcome.UNCONFIRMED);
                }
                throw new ProviderUnavailable(unavailable.reason(), false);
            }
        };
    }

    /**
     * Runs {@code work} for each item on the ledger-writes executor (the calling thread unless
     * {@link #withLedgerWrites} gave one) and returns the answers in the items' order. The work of one item
     * never depends on another's: each has its own key.
     */
    private <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> work) {
        if (ledgerWrites == null || items.size() < 2) {
            List<R> answers = new ArrayList<>(items.size());
            items.forEach(item -> answers.add(work.apply(item)));
            return answers;
        }
        List<java.util.concurrent.CompletableFuture<R>> running = new ArrayList<>(items.size());
        for (T item : items) {
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> work.apply(item), ledgerWrites));
        }
        List<R> answers = new ArrayList<>(items.size());
        running.forEach(future -> answers.add(future.join()));
        return answers;
    }

    /**
     * The same sender, with {@link #sendAll}'s per-message work up to the ledger (the rules, the render, and
     * the ledger reads and writes of the requests that end before the provider: not sendable, refused, a
     * redelivered key) run on {@code executor}, so that their round trips overlap. The intents and the
     * outcomes are not per message: each is one {@link SendLedger#writeAll} for the batch. Null: on the
     * calling thread.
     */
    public OnceSender<M> withLedgerWrites(java.util.concurrent.Executor executor) {
        OnceSender<M> copy = new OnceSender<>(tenants, contacts, templates, renderer, ledger, rules, delivery,
                fallbackQueues, responses, clock, links);
        copy.ledgerWrites = executor;
        copy.results = results;
        return copy;
    }

    /**
     * The same sender, counting what it sees in the journeys' results: sent (and SMS parts) when the ledger
     * records the provider's acceptance, failed by class when the ledger records the failure (ADR 0029).
     */
    public OnceSender<M> withResults(ResultCounts counts) {
        OnceSender<M> copy = withLedgerWrites(ledgerWrites);
        copy.results = Objects.requireNonNull(counts);
        return copy;
    }

    /** Counts under the request's journey row on this sender's channel; a request of no journey counts nothing. */
    private void count(ResultTally tally, SendRequest request, ResultCounter counter, long by) {
        ResultScope scope = ResultScope.of(request);
        if (scope != null && by > 0) {
            tally.add(TenantId.of(request.tenant()), scope.key(delivery.channel().jsonName(), counter, by));
        }
    }

    /**
     * One request of a batch up to the ledger: a result when it ends here (no contact, the rules), else the
     * prepared message, whose key {@link #takeKeys} then takes.
     */
    private Taken<M> prepare(ResultTally tally, SendRequest request, Tenant tenant, Contact contact, Instant now, int index,
                          Map<String, Optional<MessageTemplate>> templatesSeen) {
        String key = request.idempotencyKey();
        if (contact == null) {
            return Taken.done(unlessSettled(key, () -> notSendable(tally, request, SendOutcome.NOT_SENDABLE, "unreachable",
                    "contact not found")));
        }
        SendVerdict verdict = rules.check(tenant, contact, delivery.channel(), now);
        if (!(verdict instanceof SendVerdict.Allowed)) {
            return Taken.done(unlessSettled(key, () -> notAllowed(tally, request, verdict, now)));
        }
        RenderedMessage rendered;
        M message;
        try {
            MessageTemplate template = template(tenant.id(), request, templatesSeen);
            rendered = render(template, contact, tenant, request);
            message = delivery.prepare(new OutgoingMessage(tenant, contact, request, template, rendered));
        } catch (PermanentFailure e) {
            Optional<LedgerEntry> existing = ledger.find(key);
            if (existing.isPresent() && existing.get().state().settled()) {
                return Taken.done(settled(existing.get()));
            }
            throw e;
        }
        return new Taken<>(index, request, message, rendered, null);
    }

    /** A request of a batch: its result if it ended before the provider, else its taken message. */
    private record Taken<M>(int index, SendRequest request, M message, RenderedMessage rendered, SendResult result) {
        static <M> Taken<M> done(SendResult result) {
            return new Taken<>(-1, null, null, null, result);
        }

        Taken<M> ended(SendResult result) {
            return new Taken<>(index, request, null, null, result);
        }
    }

    private static SendAttempt attempt(SendRequest request, java.util.function.Supplier<SendResult> work) {
        try {
            return SendAttempt.done(request, work.get());
        } catch (RuntimeException e) {
            return SendAttempt.failed(request, e);
        }
    }

    private SendResult unlessSettled(String key, java.util.function.Supplier<SendResult> otherwise) {
        Optional<LedgerEntry> existing = ledger.find(key);
        if (existing.isPresent() && existing.get().state().settled()) {
            return settled(existing.get());
        }
        return otherwise.get();
    }

    /** The rules said no (unreachable, refused) or not now. */
    private SendResult notAllowed(ResultTally tally, SendRequest request, SendVerdict verdict, Instant now) {
        if (verdict instanceof SendVerdict.Unreachable unreachable) {
            return fallBackOrGiveUp(tally, request, unreachable.reason(), now);
        }
        if (verdict instanceof SendVerdict.Refused refused) {
            return notSendable(tally, request, SendOutcome.REFUSED, "refused", refused.reason(),
                    refused.optedOut() ? ResultCounter.FAILED_OPTED_OUT : ResultCounter.FAILED_NO_CONSENT);
        }
        if (verdict instanceof SendVerdict.NotBefore later) {
            return SendResult.deferredUntil(later.at());
        }
        throw new IllegalStateException("unknown verdict " + verdict.getClass().getSimpleName());
    }

    private MessageTemplate template(TenantId tenantId, SendRequest request) {
        return template(tenantId, request, null);
    }

    private MessageTemplate template(TenantId tenantId, SendRequest request,
                                     Map<String, Optional<MessageTemplate>> seen) {
        Optional<MessageTemplate> found = seen == null ? templates.find(tenantId, request.templateId())
                : seen.computeIfAbsent(tenantId.value() + "/" + request.templateId(),
                        k -> templates.find(tenantId, request.templateId()));
        MessageTemplate template = found
                .orElseThrow(() -> new PermanentFailure("template '" + request.templateId() + "' not found"));
        if (template.channel() != delivery.channel()) {
            throw new PermanentFailure("template '" + template.id() + "' is for " + template.channel().jsonName()
                    + ", not " + delivery.channel().jsonName());
        }
        return template;
    }

    private void requireChannel(SendRequest request) {
        if (!delivery.channel().jsonName().equals(request.channel())) {
            throw new PermanentFailure("not a " + delivery.channel().jsonName() + " send request");
        }
    }

    private SendResult call(ResultTally tally, SendRequest request, M message, RenderedMessage rendered) {
        String key = request.idempotencyKey();
        DeliveryReceipt receipt;
        try {
            receipt = delivery.deliver(message);
        } catch (ProviderRejected e) {
            if (ledger.markFailed(key, e.getMessage())) {
                count(tally, request, ResultCounter.FAILED_PROVIDER, 1);
            }
            publishFailed(request, "provider", e.getMessage());
            return SendResult.of(SendOutcome.FAILED);
        } catch (ProviderUnavailable e) {
            if (e.possiblyAccepted()) {
                ledger.markUnconfirmed(key, e.getMessage());
                return SendResult.of(SendOutcome.UNCONFIRMED);
            }
            ledger.markRetryable(key, e.getMessage());
            throw e;
        }
        return sent(tally, request, receipt, rendered);
    }

    private SendResult sent(ResultTally tally, SendRequest request, DeliveryReceipt receipt, RenderedMessage rendered) {
        int parts = parts(receipt, rendered);
        return afterSent(tally, request, receipt, parts,
                ledger.markSent(request.idempotencyKey(), receipt.providerMessageId(), parts));
    }

    /** Counts a send the ledger recorded ({@code made}: this attempt's write did) and publishes its delivery. */
    private SendResult afterSent(ResultTally tally, SendRequest request, DeliveryReceipt receipt, int parts,
                                 boolean made) {
        if (made) {
            count(tally, request, ResultCounter.SENT, 1);
            if (delivery.channel() == SendChannel.SMS) {
                count(tally, request, ResultCounter.SMS_PARTS, parts);
            }
        }
        if (receipt.delivered() != null) {
            // The ledger first: it is the record; a crash before this publication loses the response, not the send.
            publishDelivered(request, receipt.delivered());
        }
        return SendResult.of(SendOutcome.SENT);
    }

    /** What the provider charges if it says so; our own count otherwise (they agree for LINK's TEXT coding). */
    private int parts(DeliveryReceipt receipt, RenderedMessage rendered) {
        return receipt.parts() != null ? receipt.parts()
                : delivery.channel() == SendChannel.SMS || delivery.channel() == SendChannel.CHAT
                ? rendered.smsParts().parts() : 1;
    }

    private void publishDelivered(SendRequest request, Map<String, String> given) {
        Map<String, String> attributes = new LinkedHashMap<>(given);
        attributes.put("channel", request.channel());
        attributes.put("stepId", String.valueOf(request.stepId()));
        Signal delivered = new Signal(request.idempotencyKey() + ":delivered", "delivered", request.contactId(),
                clock.instant(), attributes, request.journeyId(), request.enrolmentId());
        responses.publish(TenantId.of(request.tenant()), List.of(delivered));
    }

    private SendResult fallBackOrGiveUp(ResultTally tally, SendRequest request, String reason, Instant now) {
        Optional<SendChannel> fallback = Optional.ofNullable(request.fallback()).flatMap(SendChannel::fromJsonName)
                .filter(channel -> channel != delivery.channel() && fallbackQueues.serves(channel));
        if (fallback.isEmpty()) {
            return notSendable(tally, request, SendOutcome.NOT_SENDABLE, "unreachable", reason);
        }
        SendChannel channel = fallback.get();
        // The fallback has its own key (so its ledger entry is its own) and no fallback of its own.
        SendRequest instead = new SendRequest(request.tenant(), request.idempotencyKey() + ":" + channel.jsonName(),
                request.contactId(), request.enrolmentId(), request.journeyId(), request.version(),
                request.stepId(), channel.jsonName(), null,
                Step.Send.fallbackTemplateId(request.templateId(), channel), request.variant(), now);
        // Queue first, then record: a crash in between queues it again on redelivery, and the fallback's
        // own key keeps that second copy from being sent.
        fallbackQueues.enqueue(List.of(instead));
        ledger.markNotSendable(request.idempotencyKey(), reason + "; sent by " + channel.jsonName() + " instead");
        return SendResult.of(SendOutcome.FELL_BACK);
    }

    private SendResult settled(LedgerEntry entry) {
        if (entry.state() == SendState.INTENDED) {
            ledger.markUnconfirmed(entry.key(), "an earlier attempt took the key and recorded no outcome");
            return SendResult.of(SendOutcome.UNCONFIRMED);
        }
        if (entry.state() == SendState.RETRYABLE) {
            // Another attempt reclaimed it and failed again meanwhile: let SQS deliver this one later.
            throw new IllegalStateException("another attempt holds the send; it will be tried again");
        }
        return SendResult.of(SendOutcome.ALREADY_SETTLED);
    }

    private SendResult notSendable(ResultTally tally, SendRequest request, SendOutcome outcome, String kind,
                                   String reason) {
        return notSendable(tally, request, outcome, kind, reason, ResultCounter.FAILED_UNREACHABLE);
    }

    /** @param failure the failure class results count it under, if this call records it */
    private SendResult notSendable(ResultTally tally, SendRequest request, SendOutcome outcome, String kind,
                                   String reason, ResultCounter failure) {
        if (ledger.markNotSendable(request.idempotencyKey(),
                outcome == SendOutcome.REFUSED ? "refused: " + reason : reason)) {
            count(tally, request, failure, 1);
        }
        publishFailed(request, kind, reason);
        return SendResult.of(outcome);
    }

    private void publishFailed(SendRequest request, String kind, String reason) {
        Signal failed = new Signal(request.idempotencyKey() + ":failed", "failed", request.contactId(),
                clock.instant(), Map.of("reason", kind, "channel", request.channel(), "stepId",
                String.valueOf(request.stepId()), "detail", truncate(reason)), request.journeyId(),
                request.enrolmentId());
        responses.publish(TenantId.of(request.tenant()), List.of(failed));
    }

    private RenderedMessage render(MessageTemplate template, Contact contact, Tenant tenant, SendRequest request) {
        RenderedMessage rendered;
        try {
            // Minted only when the text uses it; the same key always gets the same link, so a redelivery renders the same text.
            String link = renderer.fieldsUsed(template).contains(MergeFields.LINK)
                    ? links.mint(tenant, request, template.language()) : null;
            MessageContext context = new MessageContext(tenant.name(), link, null, null, OsloTime.today(clock));
            rendered = renderer.render(template, contact, context);
        } catch (TemplateRenderingException e) {
            throw new PermanentFailure(e.getMessage());
        }
        if (rendered.text() == null || rendered.text().isBlank()) {
            throw new PermanentFailure("template '" + template.id() + "' rendered an empty text");
        }
        return rendered;
    }

    private static String truncate(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 200);
    }

    private static TenantId tenantOf(SendRequest request) {
        if (!TenantId.isValid(request.tenant())) {
            throw new PermanentFailure("tenant must be 2-32 lower-case letters, digits or dashes");
        }
        if (!request.idempotencyKey().startsWith(request.tenant() + ":")) {
            throw new PermanentFailure("idempotencyKey does not start with the request's tenant");
        }
        return TenantId.of(request.tenant());
    }
}
