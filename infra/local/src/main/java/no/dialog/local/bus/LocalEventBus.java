package no.dialog.local.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * The local EventBridge: named buses, rules that match events with AWS's own
 * <a href="https://github.com/aws/event-ruler">event-ruler</a> (the library behind
 * EventBridge's pattern matching, so prefix, anything-but, numeric, exists, wildcard and
 * {@code $or} behave as in AWS), and PutEvents.
 *
 * <p>{@link #putEvents} checks entries as EventBridge does (a bad entry comes back as a failed
 * entry; a bad call throws {@link PutEventsValidationException}), wraps each event in the
 * envelope AWS delivers ({@link EventEnvelope}), and hands the envelope's JSON to the target of
 * every matching rule. Delivery runs on an executor so a slow target never holds up the sender;
 * a target that throws is logged and counted in {@link #failedDeliveryCount()}. Unlike AWS, a
 * failed delivery is not retried: locally the failure should be loud and immediate.
 *
 * <p>The bus named {@value #DEFAULT_BUS} always exists. Putting an event on a bus that was never
 * created fails that entry ({@code ResourceNotFoundException}); AWS has at times accepted such
 * events silently, so the local bus is stricter on purpose, to catch a misspelt bus name early.
 *
 * <pre>{@code
 * LocalEventBus events = new LocalEventBus(clock);
 * events.createBus("dialog-dev");
 * events.addRule("contact-events", "dialog-dev",
 *         "{\"source\":[\"org.system\"],\"detail-type\":[\"ContactChanged\"]}",
 *         envelopeJson -> sqs.sendMessage(queueUrl, envelopeJson));
 * PutEventsResult result = events.putEvents(List.of(
 *         PutEventsEntry.of("org.system", "ContactChanged", "{\"tenant\":\"demo\",\"id\":\"c-1\"}").onBus("dialog-dev")));
 * }</pre>
 */
public final class LocalEventBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);

    /** The bus every account has; entries without an EventBusName go here. */
    public static final String DEFAULT_BUS = EventBusNames.DEFAULT_BUS;

    /** EventBridge's limit on entries in one PutEvents call. */
    public static final int MAX_ENTRIES_PER_CALL = 10;

    /** EventBridge's limit on the size of one PutEvents call, counted as AWS counts it (see {@code EntryChecks}). */
    public static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** How many recent events the console can see. */
    public static final int DEFAULT_HISTORY_SIZE = 1_000;

    // Names EventBridge allows for a custom bus.
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");

    private final Clock clock;
    private final Executor deliveryExecutor;
    private final ExecutorService ownedExecutor;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<String, BusRules> buses = new ConcurrentHashMap<>();
    private final EventHistory history;
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();

    /** A bus on {@code clock} that delivers on its own pool of daemon threads. */
    public LocalEventBus(Clock clock) {
        this(clock, null, DEFAULT_HISTORY_SIZE);
    }

    /**
     * A bus on {@code clock} that delivers on {@code deliveryExecutor}. Tests can pass
     * {@code Runnable::run} to have targets called before {@code putEvents} returns.
     */
    public LocalEventBus(Clock clock, Executor deliveryExecutor) {
        this(clock, Objects.requireNonNull(deliveryExecutor, "deliveryExecutor"), DEFAULT_HISTORY_SIZE);
    }

    /**
     * The general constructor.
     *
     * @param deliveryExecutor where targets run, or {@code null} for a pool this bus owns and
     *                         shuts down on {@link #close()}
     * @param historySize      how many recent events to keep for the console
     */
    public LocalEventBus(Clock clock, Executor deliveryExecutor, int historySize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = new EventHistory(historySize);
        if (deliveryExecutor == null) {
            this.ownedExecutor = Executors.newCachedThreadPool(daemonThreads("local-bus-delivery-"));
            this.deliveryExecutor = ownedExecutor;
        } else {
            this.ownedExecutor = null;
            this.deliveryExecutor = deliveryExecutor;
        }
        buses.put(DEFAULT_BUS, BusRules.empty());
    }

    /**
     * Creates a custom bus (an {@code AWS::Events::EventBus}). Creating one that exists does
     * nothing, so the stack can be wired from the template more than once.
     *
     * @throws IllegalArgumentException if the name is not one EventBridge allows
     */
    public void createBus(String busName) {
        if (busName == null || !BUS_NAME.matcher(busName).matches()) {
            throw new IllegalArgumentException("'" + busName + "' is not a valid event bus name: use 1-256 letters, "
                    + "digits, '.', '-', '_' or '/'");
        }
        buses.putIfAbsent(busName, BusRules.empty());
    }

    /** The names of all buses, sorted. */
    public Set<String> busNames() {
        return new TreeSet<>(buses.keySet());
    }

    /**
     * Adds a rule (an {@code AWS::Events::Rule} with an {@code EventPattern}) to a bus, or
     * replaces the rule of that name on that bus, as PutRule does.
     *
     * @param ruleName         unique per bus
     * @param busName          an existing bus (name or ARN)
     * @param eventPatternJson an EventBridge event pattern, e.g.
     *                         {@code {"source":["org.system"],"detail":{"tenant":["demo"]}}}
     * @param target           receives the full event envelope as JSON, on the delivery executor
     * @throws IllegalArgumentException if the bus does not exist or the pattern is not valid
     */
    public void addRule(String ruleName, String busName, String eventPatternJson, Consumer<String> target) {
        if (ruleName == null || ruleName.isBlank()) {
            throw new IllegalArgumentException("A rule needs a name");
        }
        Objects.requireNonNull(target, "target");
        String bus = EventBusNames.resolve(busName);
        checkPattern(ruleName, bus, eventPatternJson);
        EventRule rule = new EventRule(ruleName, bus, eventPatternJson, target);
        BusRules updated = buses.computeIfPresent(bus, (name, rules) -> rules.with(rule));
        if (updated == null) {
            throw new IllegalArgumentException("Cannot add rule " + ruleName + ": event bus " + bus
                    + " does not exist. Create it first with createBus(\"" + bus + "\").");
        }
        LOG.debug("Rule {} on bus {} matches {}", ruleName, bus, eventPatternJson);
    }

    /** Removes a rule; returns whether there was one. */
    public boolean removeRule(String ruleName, String busName) {
        String bus = EventBusNames.resolve(busName);
        AtomicBoolean removed = new AtomicBoolean();
        buses.computeIfPresent(bus, (name, rules) -> {
            removed.set(rules.contains(ruleName));
            return removed.get() ? rules.without(ruleName) : rules;
        });
        return removed.get();
    }

    /** The names of the rules on a bus, in the order they were added; empty for an unknown bus. */
    public List<String> ruleNames(String busName) {
        BusRules rules = buses.get(EventBusNames.resolve(busName));
        return rules == null ? List.of() : rules.names();
    }

    /** Puts one event; see {@link #putEvents(List)}. */
    public PutEventsResult putEvent(PutEventsEntry entry) {
        return putEvents(List.of(entry));
    }

    /**
     * Puts up to {@value #MAX_ENTRIES_PER_CALL} events, as EventBridge's PutEvents does.
     * Each entry is checked on its own: a bad one is reported in its result and the others
     * still go through. Matching targets are called later, on the delivery executor.
     *
     * @throws PutEventsValidationException if the call as a whole is refused (no entries,
     *                                      too many, or too large); nothing is put then
     */
    public PutEventsResult putEvents(List<PutEventsEntry> entries) {
        EntryChecks.checkCall(entries);
        List<PutEventsResultEntry> results = new ArrayList<>(entries.size());
        for (PutEventsEntry entry : entries) {
            results.add(putOne(entry));
        }
        return PutEventsResult.of(results);
    }

    /**
     * Puts an event as an AWS service does (SES with an EventBridge destination): the {@code aws.} source
     * that {@link #putEvents} refuses to callers is allowed here. Only sandboxes of AWS services call this.
     */
    public PutEventsResultEntry putServiceEvent(PutEventsEntry entry) {
        if (entry.source() == null || !entry.source().startsWith("aws.")) {
            throw new IllegalArgumentException("a service event has an aws. source");
        }
        return putOne(entry, true);
    }

    /** Up to {@code limit} recent events, newest first; only the tenant's when {@code tenant} is not null. */
    public List<RecordedEvent> recentEvents(String tenant, int limit) {
        return history.recent(tenant, limit);
    }

    /** All remembered events (up to the history size), newest first; only the tenant's when {@code tenant} is not null. */
    public List<RecordedEvent> recentEvents(String tenant) {
        return history.recent(tenant, Integer.MAX_VALUE);
    }

    /** {@link #recentEvents(String)} as a JSON array, ready for {@code GET /local/events}. */
    public String recentEventsJson(String tenant) {
        try {
            return json.writeValueAsString(recentEvents(tenant));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Recent events could not be written as JSON", e);
        }
    }

    /** How many times a target received an event without throwing. */
    public long deliveredCount() {
        return deliveries.get();
    }

    /** How many times a target threw, or could not be called at all. */
    public long failedDeliveryCount() {
        return failedDeliveries.get();
    }

    /** Stops the delivery pool if this bus created it; deliveries already started finish first. */
    @Override
    public void close() {
        if (ownedExecutor == null) {
            return;
        }
        ownedExecutor.shutdown();
        try {
            if (!ownedExecutor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Event deliveries still running after 5 s; stopping them");
                ownedExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            ownedExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private PutEventsResultEntry putOne(PutEventsEntry entry) {
        return putOne(entry, false);
    }

    private PutEventsResultEntry putOne(PutEventsEntry entry, boolean fromAwsService) {
        PutEventsResultEntry problem = fromAwsService ? null : EntryChecks.missingOrForbidden(entry);
        if (problem != null) {
            return problem;
        }
        ObjectNode detail = parseDetail(entry.detail());
        if (detail == null) {
            return EntryChecks.malformedDetail();
        }
        String busName = EventBusNames.resolve(entry.eventBusName());
        BusRules rules = buses.get(busName);
        if (rules == null) {
            return EntryChecks.unknownBus(busName);
        }
        String eventId = UUID.randomUUID().toString();
        Instant time = entry.time() != null ? entry.time() : clock.instant();
        ObjectNode envelope = EventEnvelope.build(eventId, entry.detailType(), entry.source(), time,
                entry.resources(), detail);
        List<EventRule> matched = rules.matching(envelope);
        history.add(new RecordedEvent(eventId, envelope.get("time").asText(), busName, entry.source(),
                entry.detailType(), tenantOf(detail), matched.stream().map(EventRule::name).toList(), detail));
        String envelopeJson = envelope.toString();
        for (EventRule rule : matched) {
            dispatch(rule, eventId, envelopeJson);
        }
        return PutEventsResultEntry.success(eventId);
    }

    /** The detail as a JSON object, or {@code null} if it is not one (EventBridge's MalformedDetail). */
    private ObjectNode parseDetail(String detail) {
        try {
            JsonNode parsed = json.readTree(detail);
            return parsed instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String tenantOf(JsonNode detail) {
        JsonNode tenant = detail.get("tenant");
        if (tenant == null) {
            // SES events name the tenant in the message's tag (SES repeats tags as lists).
            tenant = detail.path("mail").path("tags").path("dialog-tenant").path(0);
        }
        return tenant != null && tenant.isValueNode() && !tenant.isNull() ? tenant.asText() : null;
    }

    private void dispatch(EventRule rule, String eventId, String envelopeJson) {
        try {
            deliveryExecutor.execute(() -> deliver(rule, eventId, envelopeJson));
        } catch (RejectedExecutionException e) {
            failedDeliveries.incrementAndGet();
            LOG.warn("Event {} matched rule {} on bus {} but was not delivered: the bus is shut down",
                    eventId, rule.name(), rule.busName());
        }
    }

    private void deliver(EventRule rule, String eventId, String envelopeJson) {
        try {
            rule.target().accept(envelopeJson);
            deliveries.incrementAndGet();
        } catch (RuntimeException e) {
            failedDeliveries.incrementAndGet();
            LOG.warn("Target of rule {} on bus {} failed on event {}", rule.name(), rule.busName(), eventId, e);
        }
    }

    private void checkPattern(String ruleName, String busName, String eventPatternJson) {
        String prefix = "Event pattern of rule " + ruleName + " on bus " + busName + " is not valid. Reason: ";
        if (eventPatternJson == null || eventPatternJson.isBlank()) {
            throw new IllegalArgumentException(prefix + "the pattern is empty");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(eventPatternJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(prefix + "it is not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (!parsed.isObject() || parsed.isEmpty()) {
            throw new IllegalArgumentException(prefix + "it must be a non-empty JSON object");
        }
        String error = JsonRuleCompiler.check(eventPatternJson);
        if (error != null) {
            throw new IllegalArgumentException(prefix + error);
        }
    }

    private static ThreadFactory daemonThreads(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
