package no.dialog.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.dialog.aws.s3.S3SegmentSnapshots;
import no.dialog.bench.usage.AwsPrices;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.snapshot.SegmentSnapshot;
import no.dialog.core.segment.snapshot.SegmentSnapshotBuilder;
import no.dialog.core.segment.snapshot.SnapshotDelta;
import no.dialog.core.segment.snapshot.SnapshotEvaluator;
import no.dialog.core.segment.snapshot.SnapshotMatches;
import no.dialog.core.segment.snapshot.SnapshotUpdates;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.EmulatorOptions;
import no.dialog.emulators.Emulators;

/**
 * Segment evaluation over a generated register (1,000,000 contacts by default) for the five segments
 * of {@link BenchSegments}: the snapshot engine alone (snapshot in memory), end to end (snapshot
 * loaded from the S3 emulator, then evaluated), and the peer, PostgreSQL 15 on loopback running the
 * equivalent SQL over the same contacts with indexes, warm. Every run hands out all matching ids (in
 * chunks of 500 for us, as rows for PostgreSQL), as the segmentation function needs them. The match
 * counts and ids of both must agree, or the benchmark fails. End to end is measured cold (the
 * snapshot downloaded and decoded for every evaluation) and warm (a Lambda that kept the snapshot asks
 * S3 whether it changed, gets 304, and evaluates).
 *
 * <p>{@code infra/bench/run segments [contacts=1000000] [runs=20]}
 */
public final class SegmentBenchmark {

    /** Fixed, so that relative dates and results do not depend on the day the benchmark runs. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final TenantId TENANT = TenantId.of("bench");
    private static final int WARM_UP = 5;
    private static final int CHUNK = 500;

    private SegmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        run(contacts, runs);
    }

    /**
     * One segment's matches, by the snapshot engine (in memory and end to end: the same count, or the run
     * fails) and by PostgreSQL.
     *
     * @param sameIds the engine's matched ids and PostgreSQL's are the same set (else the run fails)
     */
    public record SegmentMatches(String segment, long matches, long postgresMatches, boolean sameIds) {}

    /** Every segment's matches; a run whose engines disagree fails instead (an exception naming the segment). */
    public record Result(int contacts, int runs, List<SegmentMatches> segments) {}

    /**
     * Runs the benchmark and prints its figures; never exits. Needs PostgreSQL 15 at
     * {@code /usr/lib/postgresql/15/bin} (the {@code postgresql-15} package).
     *
     * @throws IllegalStateException if PostgreSQL 15 is missing, or the engines disagree on a segment
     */
    public static Result run(int contacts, int runs) throws Exception {
        Path work = Files.createTempDirectory("dialog-bench-segments");
        try (HeapPeak heap = new HeapPeak();
             LocalPostgres postgres = LocalPostgres.start();
             Emulators emulators = Emulators.start(EmulatorOptions.inMemory());
             PostgresContacts peer = new PostgresContacts(work);
             Connection sql = DriverManager.getConnection(postgres.jdbcUrl())) {
            return measure(contacts, runs, heap, emulators, peer, sql);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private static Result measure(int contacts, int runs, HeapPeak heap, Emulators emulators, PostgresContacts peer,
                                  Connection sql) throws Exception {
        System.out.printf("%nsegments benchmark: %,d contacts, today %s, %d runs per segment after %d warm-up, %d cores, -Xmx%d MiB%n",
                contacts, TODAY, runs, WARM_UP, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        // ---- build: generate (as the sync function reads contacts), snapshot and COPY files in one pass ----
        long before = HeapPeak.liveMiB();
        SegmentSnapshotBuilder builder = new SegmentSnapshotBuilder(Instant.parse("2026-11-30T03:00:00Z"));
        long buildNanos = 0;
        long started = System.nanoTime();
        for (int n = 0; n < contacts; n++) {
            Contact contact = BenchContacts.contact(n);
            long t = System.nanoTime();
            builder.add(contact);
            buildNanos += System.nanoTime() - t;
            peer.add(contact);
        }
        long t = System.nanoTime();
        SegmentSnapshot snapshot = builder.build();
        buildNanos += System.nanoTime() - t;
        builder = null;
        double generateSeconds = (System.nanoTime() - started) / 1e9;
        long snapshotHeap = HeapPeak.liveMiB() - before;

        ByteArrayOutputStream plain = new ByteArrayOutputStream(64 << 20);
        long writePlain = System.nanoTime();
        snapshot.writeTo(plain, false);
        double writePlainMs = (System.nanoTime() - writePlain) / 1e6;
        ByteArrayOutputStream gzip = new ByteArrayOutputStream(32 << 20);
        long writeGzip = System.nanoTime();
        snapshot.writeTo(gzip, true);
        double writeGzipMs = (System.nanoTime() - writeGzip) / 1e6;
        double readPlainMs = readMillis(plain.toByteArray());
        double readGzipMs = readMillis(gzip.toByteArray());
        long plainBytes = plain.size();
        long gzipBytes = gzip.size();
        plain = null;
        gzip = null;

        var s3 = emulators.s3();
        s3.createBucket(b -> b.bucket("dialog-snapshots"));
        S3SegmentSnapshots store = new S3SegmentSnapshots(s3, "dialog-snapshots");
        long storeStart = System.nanoTime();
        store.store(TENANT, snapshot);
        double storeMs = (System.nanoTime() - storeStart) / 1e6;

        long loadStart = System.nanoTime();
        peer.load(sql);
        double pgLoadSeconds = (System.nanoTime() - loadStart) / 1e9;

        System.out.printf("  generate %,d contacts + build snapshot + write COPY files  %.1f s (snapshot builder alone %.2f s)%n",
                contacts, generateSeconds, buildNanos / 1e9);
        System.out.printf("  snapshot on heap          %,d MiB (live heap after GC, with vs without)%n", snapshotHeap);
        System.out.printf("  snapshot file, plain      %,d bytes (write %.0f ms, read %.0f ms)%n", plainBytes, writePlainMs, readPlainMs);
        System.out.printf("  snapshot file, gzip       %,d bytes (write %.0f ms, read %.0f ms)%n", gzipBytes, writeGzipMs, readGzipMs);
        System.out.printf("  store to S3 emulator      %.0f ms (gzip)%n", storeMs);
        System.out.printf("  PostgreSQL load           %.1f s (COPY, indexes, VACUUM ANALYZE)%n", pgLoadSeconds);

        // ---- measure, one phase at a time so that each phase's heap is its own ----
        SnapshotEvaluator evaluator = new SnapshotEvaluator();
        int segments = BenchSegments.ALL.size();
        Timings[] engine = new Timings[segments];
        Timings[] cold = new Timings[segments];
        Timings[] warm = new Timings[segments];
        Timings[] pg = new Timings[segments];
        IdSet[] ours = new IdSet[segments];
        IdSet[] postgresIds = new IdSet[segments];

        heap.reset();
        for (int s = 0; s < segments; s++) {
            BenchSegments segment = BenchSegments.ALL.get(s);
            Criterion criterion = segment.criterion();
            ours[s] = IdSet.of(evaluator.evaluate(snapshot, criterion, TODAY), CHUNK);
            engine[s] = new Timings(runs);
            for (int i = 0; i < WARM_UP + runs; i++) {
                long start = System.nanoTime();
                long count = consume(evaluator.evaluate(snapshot, criterion, TODAY));
                if (i >= WARM_UP) {
                    engine[s].add(start);
                }
                check(count == ours[s].count(), segment, "engine count changed between runs");
            }
        }
        long enginePeak = heap.peakMiB();
        long engineLive = heap.peakAfterGcMiB();

        // Freshness: a delta of changed, new and deleted contacts laid over the snapshot, then merged.
        SnapshotDelta.Builder changes = SnapshotDelta.builder();
        for (int i = 0; i < 5_000; i++) {
            changes.upsert(renamed(BenchContacts.contact(contacts + i), String.format("D-%07d", i * 97)));
        }
        for (int i = 0; i < 1_000; i++) {
            changes.upsert(renamed(BenchContacts.contact(contacts + 5_000 + i), "NEW-" + i));
        }
        for (int i = 0; i < 500; i++) {
            changes.delete(String.format("D-%07d", i * 97 + 13));
        }
        SnapshotDelta delta = changes.build();
        Criterion students = BenchSegments.ALL.get(0).criterion();
        Timings overlay = new Timings(runs);
        long firstOverlay = System.nanoTime();
        consume(evaluator.evaluate(snapshot, delta, students, TODAY)); // builds the id index once
        double firstOverlayMs = (System.nanoTime() - firstOverlay) / 1e6;
        for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            consume(evaluator.evaluate(snapshot, delta, students, TODAY));
            if (i >= WARM_UP) {
                overlay.add(start);
            }
        }
        Timings merge = new Timings(3);
        SegmentSnapshot merged = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            merged = SnapshotUpdates.merge(snapshot, delta, Instant.parse("2026-11-30T12:00:00Z"));
            merge.add(start);
        }
        check(evaluator.evaluate(merged, students, TODAY).count()
                == evaluator.evaluate(snapshot, delta, students, TODAY).count(), BenchSegments.ALL.get(0),
                "merged snapshot and overlay disagree");
        merged = null;
        snapshot = null; // from here on, only what is loaded from S3

        // Cold: every evaluation downloads and decodes the snapshot (a new Lambda, or a changed snapshot).
        S3SegmentSnapshots uncached = new S3SegmentSnapshots(s3, "dialog-snapshots", true, 0);
        heap.reset();
        long coldCpu = 0;
        int coldEvaluations = 0;
        for (int s = 0; s < segments; s++) {
            BenchSegments segment = BenchSegments.ALL.get(s);
            Criterion criterion = segment.criterion();
            cold[s] = new Timings(runs);
            for (int i = 0; i < 2 + runs; i++) {
                long cpu = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                SegmentSnapshot loaded = uncached.load(TENANT).orElseThrow();
                long count = consume(evaluator.evaluate(loaded, criterion, TODAY));
                if (i >= 2) {
                    cold[s].add(start);
                    coldCpu += CPU.getCurrentThreadCpuTime() - cpu;
                    coldEvaluations++;
                }
                check(count == ours[s].count(), segment, "end-to-end count differs from the engine's");
            }
        }
        long coldPeak = heap.peakMiB();
        long coldLive = heap.peakAfterGcMiB();

        // Warm: the Lambda kept the snapshot; S3 confirms it is current (If-None-Match, 304), then evaluate.
        S3SegmentSnapshots cached = new S3SegmentSnapshots(s3, "dialog-snapshots");
        cached.load(TENANT);
        heap.reset();
        long warmCpu = 0;
        int warmEvaluations = 0;
        for (int s = 0; s < segments; s++) {
            BenchSegments segment = BenchSegments.ALL.get(s);
            Criterion criterion = segment.criterion();
            warm[s] = new Timings(runs);
            for (int i = 0; i < WARM_UP + runs; i++) {
                long cpu = CPU.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                SegmentSnapshot loaded = cached.load(TENANT).orElseThrow();
                long count = consume(evaluator.evaluate(loaded, criterion, TODAY));
                if (i >= WARM_UP) {
                    warm[s].add(start);
                    warmCpu += CPU.getCurrentThreadCpuTime() - cpu;
                    warmEvaluations++;
                }
                check(count == ours[s].count(), segment, "end-to-end count differs from the engine's");
            }
        }
        long warmPeak = heap.peakMiB();
        long warmLive = heap.peakAfterGcMiB();
        cached = null;

        for (int s = 0; s < segments; s++) {
            BenchSegments segment = BenchSegments.ALL.get(s);
            pg[s] = new Timings(runs);
            try (PreparedStatement query = sql.prepareStatement(segment.sql())) {
                IdSet theirs = IdSet.of(PostgresContacts.ids(query, TODAY, segment.dateParameters()));
                postgresIds[s] = theirs;
                check(theirs.equals(ours[s]), segment, "Dialog matched " + ours[s].count()
                        + " contacts, PostgreSQL " + theirs.count() + " (or other ids)");
                for (int i = 0; i < WARM_UP + runs; i++) {
                    long start = System.nanoTime();
                    int count = PostgresContacts.ids(query, TODAY, segment.dateParameters()).size();
                    if (i >= WARM_UP) {
                        pg[s].add(start);
                    }
                    check(count == theirs.count(), segment, "PostgreSQL count changed between runs");
                }
            }
        }

        System.out.printf("%n  %-33s %8s %13s %13s %13s %13s %8s %8s%n", "segment (ms: median / p95)", "matches",
                "engine", "e2e cold", "e2e warm", "PostgreSQL", "PG/cold", "PG/warm");
        boolean engineFast = true;
        boolean twiceAsFastCold = true;
        boolean twiceAsFastWarm = true;
        for (int s = 0; s < segments; s++) {
            double ratioCold = pg[s].median() / cold[s].median();
            double ratioWarm = pg[s].median() / warm[s].median();
            engineFast &= engine[s].median() < 100;
            twiceAsFastCold &= ratioCold >= 2;
            twiceAsFastWarm &= ratioWarm >= 2;
            System.out.printf("  %-33s %,8d %13s %13s %13s %13s %8.2f %8.1f%n", BenchSegments.ALL.get(s).name(),
                    ours[s].count(), engine[s].show(), cold[s].show(), warm[s].show(), pg[s].show(), ratioCold,
                    ratioWarm);
        }
        System.out.println("  matches: the same ids as PostgreSQL for every segment");
        System.out.printf("%n  peak heap in use (whole JVM, incl. the in-process S3 emulator holding the %,d-byte object):%n",
                gzipBytes);
        System.out.printf("    engine runs, snapshot in memory     %,d MiB%n", enginePeak);
        System.out.printf("    end to end, cold (load every run)   %,d MiB%n", coldPeak);
        System.out.printf("    end to end, warm (cached, 304)      %,d MiB%n", warmPeak);
        System.out.printf("    live after GC, engine runs          %,d MiB%n", engineLive);
        System.out.printf("    live after GC, end to end cold/warm %,d / %,d MiB%n", coldLive, warmLive);
        System.out.printf("%n  delta of %,d changed, 1,000 new, 500 deleted contacts (students segment):%n", 5_000);
        System.out.printf("    engine with delta laid over         %s ms (first run, building the id index: %.0f ms)%n",
                overlay.show(), firstOverlayMs);
        System.out.printf("    merge into a new snapshot           %s ms%n", merge.show());
        // Per evaluation (a preview or an activation over the whole register), as the segmentation function
        // pays for it: its own CPU (this thread: the S3 call and the evaluation; the S3 emulator runs elsewhere),
        // its one S3 request, and the floor: that S3 request alone, in a loop.
        double coldFloor = s3GetsPerSecond(s3, runs, false);
        double warmFloor = s3GetsPerSecond(s3, runs, true);
        double coldCpuMs = coldCpu / 1e6 / coldEvaluations;
        double warmCpuMs = warmCpu / 1e6 / warmEvaluations;
        double coldRate = coldEvaluations / sumSeconds(cold);
        double warmRate = warmEvaluations / sumSeconds(warm);
        System.out.printf("%n  per evaluation of the whole register (segmentation function, %,d MB):%n", SEGMENTATION_MB);
        System.out.printf("    cold: %.1f evaluations/s; emulator floor (the S3 GET of the %,d-byte snapshot alone) %.1f/s → %.2f of the floor%n",
                coldRate, gzipBytes, coldFloor, coldRate / coldFloor);
        System.out.printf("    warm: %.1f evaluations/s; emulator floor (the conditional S3 GET alone, 304) %.1f/s → %.2f of the floor%n",
                warmRate, warmFloor, warmRate / warmFloor);
        System.out.printf("    own CPU per evaluation              cold %.1f ms, warm %.1f ms (%.4f / %.4f ms per contact)%n",
                coldCpuMs, warmCpuMs, coldCpuMs / contacts, warmCpuMs / contacts);
        System.out.printf("    AWS requests per evaluation         S3 1 (GET; warm: conditional GET, 304); DynamoDB 0; SQS 0%n");
        System.out.printf("    S3 bytes per evaluation             cold %,d out, warm 0%n", gzipBytes);
        System.out.printf("    hottest partition keys              none written (reads only)%n");
        System.out.printf("    projected AWS cost per 100,000 evaluations  cold $%.2f, warm $%.2f (Lambda and S3 GET; %s prices of %s)%n",
                evaluationCost(coldCpuMs), evaluationCost(warmCpuMs), AwsPrices.REGION, AwsPrices.AS_OF);
        System.out.printf("%n  target engine < 100 ms (median) and heap < 512 MiB:  %s%n",
                engineFast && engineLive < 512 ? "met" : "NOT met");
        System.out.printf("  target end to end ≥ 2x faster than PostgreSQL:  cold %s, warm %s%n",
                twiceAsFastCold ? "met" : "NOT met", twiceAsFastWarm ? "met" : "NOT met");
        List<SegmentMatches> matches = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            matches.add(new SegmentMatches(BenchSegments.ALL.get(s).name(), ours[s].count(), postgresIds[s].count(),
                    postgresIds[s].equals(ours[s])));
        }
        return new Result(contacts, runs, List.copyOf(matches));
    }

    /** Decoding time, warm: the third of three reads, so the first read's JIT work is not counted. */
    private static Contact renamed(Contact c, String id) {
        return new Contact(id, c.updatedAt(), c.firstName(), c.lastName(), c.birthDate(), c.phone(), c.email(),
                c.address(), c.memberships(), c.donor(), c.events(), c.roles(), c.volunteerAreas(), c.consents(),
                c.reservations(), c.attributes());
    }

    private static double readMillis(byte[] bytes) throws Exception {
        double millis = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            SegmentSnapshot.readFrom(new ByteArrayInputStream(bytes));
            millis = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** Hands out every id in chunks as the segmentation function would; returns how many. */
    private static long consume(SnapshotMatches matches) {
        long[] seen = new long[1];
        matches.forEachChunk(CHUNK, chunk -> seen[0] += chunk.size());
        return seen[0];
    }

    /** The segmentation function's MemorySize in template.yaml (Globals). */
    static final int SEGMENTATION_MB = 1024;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Lambda duration (CPU scaled to the vCPU share at this memory) and the request, plus one S3 GET. */
    private static double evaluationCost(double cpuMs) {
        double seconds = cpuMs / 1e3 * Math.max(1.0, AwsPrices.FULL_VCPU_MB / (double) SEGMENTATION_MB);
        return 100_000 * (seconds * SEGMENTATION_MB / 1024.0 * AwsPrices.LAMBDA_GB_SECOND + AwsPrices.LAMBDA_REQUEST
                + AwsPrices.S3_GET);
    }

    /** The snapshot's S3 GET alone, in a loop: whole (cold) or conditional on its ETag (warm, 304). */
    private static double s3GetsPerSecond(software.amazon.awssdk.services.s3.S3Client s3, int runs, boolean conditional)
            throws Exception {
        String key = S3SegmentSnapshots.key(TENANT);
        String eTag = s3.headObject(b -> b.bucket("dialog-snapshots").key(key)).eTag();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            if (conditional) {
                try {
                    s3.getObjectAsBytes(b -> b.bucket("dialog-snapshots").key(key).ifNoneMatch(eTag));
                } catch (software.amazon.awssdk.services.s3.model.S3Exception notModified) {
                    if (notModified.statusCode() != 304) {
                        throw notModified;
                    }
                }
            } else {
                s3.getObjectAsBytes(b -> b.bucket("dialog-snapshots").key(key)).asByteArray();
            }
        }
        return runs / ((System.nanoTime() - start) / 1e9);
    }

    private static double sumSeconds(Timings[] timings) {
        double seconds = 0;
        for (Timings t : timings) {
            seconds += t.totalSeconds();
        }
        return seconds;
    }

    private static void check(boolean ok, BenchSegments segment, String problem) {
        if (!ok) {
            throw new IllegalStateException("segment '" + segment.name() + "': " + problem);
        }
    }
}
