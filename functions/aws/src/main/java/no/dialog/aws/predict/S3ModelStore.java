package no.dialog.aws.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import no.dialog.core.predict.ModelCard;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Model cards and scoring summaries as JSON in the snapshots bucket, beside the tenant's score table:
 * <pre>
 *   predictions/&lt;tenant&gt;/models/&lt;version&gt;.json   one training run's cards, kept as its version
 *   predictions/&lt;tenant&gt;/models/latest.json       the same cards: the ones in use
 *   predictions/&lt;tenant&gt;/scoring.json             the last nightly scoring, in counts
 * </pre>
 * None holds personal data (coefficients, counts and rates). The bucket's lifecycle rule removes objects after 30
 * days: the weekly training rewrites {@code latest.json} long before, so the last four versions are kept.
 */
@Singleton
@Requires(classes = S3Client.class)
@Requires(property = "snapshots.bucket")
public class S3ModelStore implements ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<ModelCard>> CARDS = new TypeReference<>() {};

    private final S3Client s3;
    private final String bucket;

    public S3ModelStore(S3Client s3, @Value("${snapshots.bucket}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String prefix(TenantId tenant) {
        return "predictions/" + tenant.value() + "/";
    }

    @Override
    public void keep(TenantId tenant, List<ModelCard> cards) {
        if (cards.isEmpty()) {
            throw new IllegalArgumentException("a training run keeps at least one model card");
        }
        byte[] json = write(cards);
        // The version first: latest.json never names a run whose own file is missing.
        put(prefix(tenant) + "models/" + cards.get(0).version().replace(':', '-') + ".json", json);
        put(prefix(tenant) + "models/latest.json", json);
    }

    @Override
    public List<ModelCard> latest(TenantId tenant) {
        return get(prefix(tenant) + "models/latest.json").map(bytes -> read(bytes, CARDS)).orElse(List.of());
    }

    @Override
    public void scored(TenantId tenant, ScoringSummary summary) {
        put(prefix(tenant) + "scoring.json", write(summary));
    }

    @Override
    public Optional<ScoringSummary> lastScoring(TenantId tenant) {
        return get(prefix(tenant) + "scoring.json").map(bytes -> read(bytes, new TypeReference<ScoringSummary>() {}));
    }

    private void put(String key, byte[] json) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(json));
    }

    private Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model card could not be written as JSON", e);
        }
    }

    private static <T> T read(byte[] bytes, TypeReference<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored model card could not be read", e);
        }
    }
}
