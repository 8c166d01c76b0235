package no.dialog.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Operator;
import no.dialog.core.segment.snapshot.SegmentSnapshot;
import no.dialog.core.segment.snapshot.SegmentSnapshotBuilder;
import no.dialog.core.segment.snapshot.SnapshotEvaluator;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3SegmentSnapshotsTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final String BUCKET = "snapshots-" + UUID.randomUUID();
    private static S3Client s3;

    @BeforeAll
    static void createBucket() {
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @Test
    void aStoredSnapshotLoadsBackUnderTheTenantsKey() {
        S3SegmentSnapshots snapshots = new S3SegmentSnapshots(s3, BUCKET);
        snapshots.store(DEMO, snapshot(500));

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("snapshots/demo/contacts.snap")).contentLength())
                .isPositive();
        SegmentSnapshot loaded = snapshots.load(DEMO).orElseThrow();
        assertThat(loaded.size()).isEqualTo(500);
        assertThat(loaded.asOf()).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        long students = new SnapshotEvaluator().evaluate(loaded,
                Criterion.Condition.of("membership.type", Operator.EQUALS, "student"), LocalDate.of(2026, 11, 30))
                .count();
        assertThat(students).isEqualTo(250);
    }

    @Test
    void aNewSnapshotReplacesTheOldOneAndPlainSnapshotsLoadToo() {
        S3SegmentSnapshots plain = new S3SegmentSnapshots(s3, BUCKET, false, 0);
        TenantId tenant = TenantId.of("replaced");
        plain.store(tenant, snapshot(10));
        plain.store(tenant, snapshot(20));
        assertThat(new S3SegmentSnapshots(s3, BUCKET).load(tenant).orElseThrow().size()).isEqualTo(20);
    }

    @Test
    void anUnchangedSnapshotIsReusedAndAChangedOneLoadedAgain() {
        TenantId tenant = TenantId.of("cached");
        S3SegmentSnapshots writer = new S3SegmentSnapshots(s3, BUCKET, true, 0);
        S3SegmentSnapshots reader = new S3SegmentSnapshots(s3, BUCKET);
        writer.store(tenant, snapshot(30));

        SegmentSnapshot first = reader.load(tenant).orElseThrow();
        assertThat(reader.load(tenant).orElseThrow()).isSameAs(first);

        writer.store(tenant, snapshot(40));
        SegmentSnapshot changed = reader.load(tenant).orElseThrow();
        assertThat(changed).isNotSameAs(first);
        assertThat(changed.size()).isEqualTo(40);

        S3SegmentSnapshots uncached = new S3SegmentSnapshots(s3, BUCKET, true, 0);
        assertThat(uncached.load(tenant).orElseThrow()).isNotSameAs(uncached.load(tenant).orElseThrow());
    }

    @Test
    void aTenantWithoutSnapshotGetsNothing() {
        assertThat(new S3SegmentSnapshots(s3, BUCKET).load(TenantId.of("never-built"))).isEmpty();
    }

    @Test
    void aDamagedObjectFailsWithTheTenantNamed() {
        TenantId tenant = TenantId.of("damaged");
        s3.putObject(b -> b.bucket(BUCKET).key(S3SegmentSnapshots.key(tenant)), RequestBody.fromString("not one"));
        assertThatThrownBy(() -> new S3SegmentSnapshots(s3, BUCKET).load(tenant))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("tenant damaged");
    }

    private static SegmentSnapshot snapshot(int contacts) {
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(Instant.parse("2026-11-30T03:00:00Z"));
        for (int i = 0; i < contacts; i++) {
            Membership membership = new Membership(i % 2 == 0 ? "student" : "ordinary", MembershipStatus.ACTIVE,
                    null, null, null, "Bergen", null);
            builder.add(new Contact("C-" + i, null, "Kari", "Nordmann", null, null, null, null, List.of(membership),
                    null, null, null, null, null, null, null));
        }
        return builder.build();
    }
}
