package no.dialog.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.dialog.core.segment.snapshot.SegmentSnapshotBuilder;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Segment snapshots and contact files forget a person, against S3Proxy: the tenant's snapshot goes (the next
 * use rebuilds it from the contacts, without the person), and so does every contact file with a line of
 * theirs; other tenants' objects, other files and import reports stay.
 */
class S3ErasureTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final String BUCKET = "erasure-" + UUID.randomUUID();
    private static S3Client s3;

    @BeforeAll
    static void createBucket() {
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    private static void put(String key, String content) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(content));
    }

    @Test
    void theTenantsSnapshotIsDeletedSoTheNextUseRebuildsItWithoutThePerson() {
        S3SegmentSnapshots snapshots = new S3SegmentSnapshots(s3, BUCKET);
        snapshots.store(DEMO, new SegmentSnapshotBuilder(Instant.parse("2026-12-06T03:00:00Z")).build());
        snapshots.store(TenantId.of("other"), new SegmentSnapshotBuilder(Instant.parse("2026-12-06T03:00:00Z")).build());
        S3SnapshotErasure erasure = new S3SnapshotErasure(s3, BUCKET);

        assertThat(erasure.erase(DEMO, "ER-S1")).isEqualTo(1);
        assertThat(erasure.erase(DEMO, "ER-S1")).isZero();

        assertThat(snapshots.load(DEMO)).isEmpty();
        assertThat(snapshots.load(TenantId.of("other"))).isPresent();
    }

    @Test
    void everyContactFileWithALineOfThePersonIsDeletedAndOthersStay() {
        put("demo/contacts/2026-11-01.ndjson", """
                {"id":"M-1","updatedAt":"2026-11-01T10:00:00Z","firstName":"Ola"}
                {"updatedAt":"2026-11-01T10:00:00Z","firstName":"Unikfrida","id":"ER-S2","phone":"+4799887766"}
                """);
        put("demo/contacts/2026-11-01.ndjson.report.json", "{\"rows\":2,\"refused\":[]}");
        put("demo/contacts/2026-12-01.ndjson", "\uFEFF{\"id\":\"ER-S2\",\"updatedAt\":\"2026-12-01T10:00:00Z\"}\r\n");
        // Mentions the id, but not as the person's id: someone else's line.
        put("demo/contacts/2026-12-02.ndjson", "{\"id\":\"M-2\",\"attributes\":{\"referredBy\":\"ER-S2\"}}\n");
        put("other/contacts/2026-11-01.ndjson", "{\"id\":\"ER-S2\",\"updatedAt\":\"2026-11-01T10:00:00Z\"}\n");
        S3ImportFileErasure erasure = new S3ImportFileErasure(s3, BUCKET);

        assertThat(erasure.erase(DEMO, "ER-S2")).isEqualTo(2);
        assertThat(erasure.erase(DEMO, "ER-S2")).isZero();

        assertThat(keys("demo/")).containsExactlyInAnyOrder("demo/contacts/2026-11-01.ndjson.report.json",
                "demo/contacts/2026-12-02.ndjson");
        assertThat(keys("other/")).containsExactly("other/contacts/2026-11-01.ndjson");
    }
}
