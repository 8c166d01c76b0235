package no.dialog.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import no.dialog.core.contact.Channel;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3PredictionTablesTest {

    private static final String BUCKET = "predictions-" + UUID.randomUUID();
    private static final Instant AS_OF = Instant.parse("2026-12-07T02:00:00Z");
    private static S3Client s3;

    @BeforeAll
    static void createBucket() {
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static Prediction risk(double p, int decile) {
        return new Prediction(Map.of(ModelKind.DROPOUT_RISK, new Prediction.Score(p, decile)),
                Optional.of(Channel.SMS), Optional.of(18));
    }

    private static PredictionTable table(String... ids) {
        PredictionTable.Builder builder = PredictionTable.builder(AS_OF, EnumSet.of(ModelKind.DROPOUT_RISK));
        for (int i = 0; i < ids.length; i++) {
            builder.add(ids[i], risk(0.5, 1 + i % 10));
        }
        return builder.build();
    }

    @Test
    void aPublishedTableIsTheLatestUnderTheTenantsKey() {
        S3PredictionTables tables = new S3PredictionTables(s3, BUCKET);
        TenantId tenant = TenantId.of("demo");
        tables.publish(tenant, table("C-1", "C-2"));

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("predictions/demo/scores.bin")).contentLength()).isPositive();
        PredictionTable latest = new S3PredictionTables(s3, BUCKET).latest(tenant).orElseThrow();
        assertThat(latest.size()).isEqualTo(2);
        assertThat(latest.asOf()).isEqualTo(AS_OF);
        assertThat(latest.find("C-2")).isEqualTo(risk(0.5, 2));
        assertThat(new S3PredictionTables(s3, BUCKET).latest(TenantId.of("other"))).isEmpty();
    }

    @Test
    void aReaderKeepsItsTableForMinutesThenSeesANewOne() {
        TenantId tenant = TenantId.of("cached");
        S3PredictionTables publisher = new S3PredictionTables(s3, BUCKET);
        publisher.publish(tenant, table("C-1"));
        AtomicLong ticker = new AtomicLong();
        S3PredictionTables reader = new S3PredictionTables(s3, BUCKET, Duration.ofMinutes(5), ticker::get);
        PredictionTable first = reader.latest(tenant).orElseThrow();

        publisher.publish(tenant, table("C-1", "C-2", "C-3"));
        ticker.addAndGet(Duration.ofMinutes(4).toNanos());
        assertThat(reader.latest(tenant).orElseThrow()).isSameAs(first);

        ticker.addAndGet(Duration.ofMinutes(2).toNanos());
        PredictionTable second = reader.latest(tenant).orElseThrow();
        assertThat(second.size()).isEqualTo(3);

        // Unchanged in S3: S3 answers 304 and the same table is kept.
        ticker.addAndGet(Duration.ofMinutes(6).toNanos());
        assertThat(reader.latest(tenant).orElseThrow()).isSameAs(second);
    }

    @Test
    void erasureRewritesTheOneCopyWithoutThePerson() {
        TenantId tenant = TenantId.of("erasing");
        S3PredictionTables tables = new S3PredictionTables(s3, BUCKET);
        tables.publish(tenant, table("C-1", "C-2", "C-3"));
        tables.latest(tenant);

        assertThat(tables.erase(tenant, "C-2")).isTrue();
        assertThat(tables.erase(tenant, "C-2")).isFalse();
        assertThat(tables.erase(tenant, "C-404")).isFalse();
        assertThat(tables.erase(TenantId.of("no-table"), "C-2")).isFalse();

        PredictionTable after = new S3PredictionTables(s3, BUCKET).latest(tenant).orElseThrow();
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.find("C-2")).isSameAs(Prediction.NONE);
        assertThat(after.find("C-3")).isEqualTo(risk(0.5, 3));
        assertThat(tables.latest(tenant).orElseThrow().find("C-2")).isSameAs(Prediction.NONE);
        assertThat(new S3PredictionTables(s3, BUCKET).latest(TenantId.of("no-table"))).isEmpty();
    }

    @Test
    void aDamagedObjectFailsWithTheReasonAndNoPersonalData() {
        TenantId tenant = TenantId.of("damaged");
        s3.putObject(b -> b.bucket(BUCKET).key(S3PredictionTables.key(tenant)), RequestBody.fromString("C-1 0.5"));
        assertThatThrownBy(() -> new S3PredictionTables(s3, BUCKET).latest(tenant))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("prediction table of tenant damaged")
                .hasRootCauseMessage("not a prediction table");
    }
}
