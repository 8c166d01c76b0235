package no.dialog.aws.dynamodb;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.dialog.aws.snapstart.RestoreHook;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.enrolment.FrequencyCaps;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link FrequencyCaps} from the tenant's item in the tenants table: an optional map attribute
 * {@code frequencyCaps}, e.g. {@code {"sms": {"limit": 2, "window": "P7D"}}}. Channels without an entry
 * (and unreadable entries, which are logged) use {@link FrequencyCap#DEFAULT}. Read at most every
 * {@link #REFRESH} per tenant and function instance.
 */
@Singleton
@Requires(property = "tenants.table")
public class DynamoDbFrequencyCaps implements FrequencyCaps, RestoreHook {

    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbFrequencyCaps.class);

    private record Cached(Map<SendChannel, FrequencyCap> caps, Instant readAt) {}

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Map<TenantId, Cached> cache = new ConcurrentHashMap<>();

    public DynamoDbFrequencyCaps(DynamoDbClient dynamoDb, @Value("${tenants.table}") String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public FrequencyCap capFor(TenantId tenant, SendChannel channel) {
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached == null || cached.readAt().plus(REFRESH).isBefore(now) || cached.readAt().isAfter(now)) {
            cached = new Cached(read(tenant), now);
            cache.put(tenant, cached);
        }
        return cached.caps().getOrDefault(channel, FrequencyCap.DEFAULT);
    }

    private Map<SendChannel, FrequencyCap> read(TenantId tenant) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("tenant", AttributeValue.fromS(tenant.value()))).projectionExpression("frequencyCaps")).item();
        return capsOf(tenant, item);
    }

    /** The caps in a tenant item (also what the settings API shows); unreadable entries are logged and left out. */
    static Map<SendChannel, FrequencyCap> capsOf(TenantId tenant, Map<String, AttributeValue> item) {
        Map<SendChannel, FrequencyCap> caps = new EnumMap<>(SendChannel.class);
        if (item == null || !item.containsKey("frequencyCaps") || item.get("frequencyCaps").m() == null) {
            return caps;
        }
        item.get("frequencyCaps").m().forEach((name, entry) -> {
            try {
                SendChannel channel = SendChannel.fromJsonName(name).orElseThrow(IllegalArgumentException::new);
                int limit = Integer.parseInt(entry.m().get("limit").n());
                Duration window = Duration.parse(entry.m().get("window").s());
                caps.put(channel, new FrequencyCap(limit, window));
            } catch (RuntimeException e) {
                // A bad setting must not stop journeys: the default applies, and operators see why.
                LOG.warn("tenant {}: frequency cap for '{}' is not readable; the default applies", tenant.value(), name);
            }
        });
        return caps;
    }

    /** Caps are kept by the clock's time, which jumps between a snapshot and a restore: read them again. */
    @Override
    public void afterRestore() {
        cache.clear();
    }
}
