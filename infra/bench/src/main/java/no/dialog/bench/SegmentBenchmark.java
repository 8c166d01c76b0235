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
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.snapshot.SegmentSnapshot;
import no.dialog.core.segment.snapshot.SegmentSnapshotBuilder;
import no.dialog.core.segment.snapshot.SnapshotEvaluator;
import no.dialog.core.segment.snapshot.SnapshotMatches;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.EmulatorOptions;
import no.dialog.emulators.Emulators;

/**
 * Segment evaluation over a generated register (1,000,000 contacts by default) for the five segments
 * of {@link BenchSegments}: the snapshot engine alone (snapshot in memory), end to end (snapshot
 * loaded from the S3 emulator, then evaluated), and the peer, PostgreSQL 15 on loopback running the
 * equivalent SQL over the same contacts with indexes, warm. Every run hands out all matching ids (in
 * chunks of 500 for us, as rows for PostgreSQL), as the segmentation function needs them. The match
 * counts and ids of both must agree, or the benchmark fails.
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
        Path work = Files.createTempDirectory("dialog-bench-segments");
        try (HeapPeak heap = new HeapPeak();
             LocalPostgres postgres = LocalPostgres.start();
             Emulators emulators = Emulators.start(EmulatorOptions.inMemory());
             PostgresContacts peer = new PostgresContacts(work);
             Connection sql = DriverManager.getConnection(postgres.jdbcUrl())) {
            run(contacts, runs, heap, emulators, peer, sql);
        } finally {
            Files.deleteIfExists(work);
        }
    }

    private static void run(int contacts, int runs, HeapPeak heap, Emulators emulators, PostgresContacts peer,
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

        // ---- measure ----
        SnapshotEvaluator evaluator = new SnapshotEvaluator();
        List<String[]> table = new ArrayList<>();
        long enginePeak = 0;
        long endToEndPeak = 0;
        boolean targetsMet = true;
        for (BenchSegments segment : BenchSegments.ALL) {
            Criterion criterion = segment.criterion();

            heap.reset();
            List<String> ours = ids(evaluator.evaluate(snapshot, criterion, TODAY));
            Timings engine = new Timings(runs);
            for (int i = 0; i < WARM_UP + runs; i++) {
                long start = System.nanoTime();
                long count = consume(evaluator.evaluate(snapshot, criterion, TODAY));
                if (i >= WARM_UP) {
                    engine.add(start);
                }
                check(count == ours.size(), segment, "engine count changed between runs");
            }
            enginePeak = Math.max(enginePeak, heap.peakMiB());

            heap.reset();
            Timings endToEnd = new Timings(runs);
            for (int i = 0; i < 2 + runs; i++) {
                long start = System.nanoTime();
                SegmentSnapshot loaded = store.load(TENANT).orElseThrow();
                long count = consume(evaluator.evaluate(loaded, criterion, TODAY));
                if (i >= 2) {
                    endToEnd.add(start);
                }
                check(count == ours.size(), segment, "end-to-end count differs from the engine's");
            }
            endToEndPeak = Math.max(endToEndPeak, heap.peakMiB());

            Timings pg = new Timings(runs);
            List<String> theirs;
            try (PreparedStatement query = sql.prepareStatement(segment.sql())) {
                theirs = PostgresContacts.ids(query, TODAY, segment.dateParameters());
                for (int i = 0; i < WARM_UP + runs; i++) {
                    long start = System.nanoTime();
                    int count = PostgresContacts.ids(query, TODAY, segment.dateParameters()).size();
                    if (i >= WARM_UP) {
                        pg.add(start);
                    }
                    check(count == theirs.size(), segment, "PostgreSQL count changed between runs");
                }
            }
            List<String> sortedOurs = ours.stream().sorted().toList();
            List<String> sortedTheirs = theirs.stream().sorted().toList();
            check(sortedOurs.equals(sortedTheirs), segment, "Dialog matched " + ours.size()
                    + " contacts, PostgreSQL " + theirs.size() + " (or other ids)");

            double ratio = pg.median() / endToEnd.median();
            targetsMet &= ratio >= 2 && engine.median() < 100;
            table.add(new String[] {segment.name(), String.format("%,d", ours.size()),
                    String.format("%.1f / %.1f", engine.median(), engine.p95()),
                    String.format("%.0f / %.0f", endToEnd.median(), endToEnd.p95()),
                    String.format("%.0f / %.0f", pg.median(), pg.p95()),
                    String.format("%.2f", ratio), String.format("%.1f", pg.median() / engine.median())});
        }

        System.out.printf("%n  %-34s %10s %16s %14s %14s %9s %9s%n", "segment (ms: median / p95)", "matches",
                "engine", "end to end", "PostgreSQL", "PG/e2e", "PG/engine");
        for (String[] row : table) {
            System.out.printf("  %-34s %10s %16s %14s %14s %9s %9s%n", (Object[]) row);
        }
        System.out.printf("%n  peak heap in use, engine runs      %,d MiB (snapshot and results; whole JVM incl. S3 emulator)%n", enginePeak);
        System.out.printf("  peak heap in use, end-to-end runs  %,d MiB (a loaded snapshot per run, plus the one kept for the engine runs)%n", endToEndPeak);
        System.out.printf("  targets: end to end ≥ 2× faster than PostgreSQL, engine < 100 ms, heap < 512 MiB: %s%n",
                targetsMet && enginePeak < 512 ? "met" : "NOT met (see the rows above)");
        System.out.println("  matches agree with PostgreSQL for every segment (same ids)");
    }

    private static double readMillis(byte[] bytes) throws Exception {
        long start = System.nanoTime();
        SegmentSnapshot.readFrom(new ByteArrayInputStream(bytes));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Hands out every id in chunks as the segmentation function would; returns how many. */
    private static long consume(SnapshotMatches matches) {
        long[] seen = new long[1];
        matches.forEachChunk(CHUNK, chunk -> seen[0] += chunk.size());
        return seen[0];
    }

    private static List<String> ids(SnapshotMatches matches) {
        List<String> ids = new ArrayList<>((int) matches.count());
        matches.forEachChunk(CHUNK, ids::addAll);
        return ids;
    }

    private static void check(boolean ok, BenchSegments segment, String problem) {
        if (!ok) {
            throw new IllegalStateException("segment '" + segment.name() + "': " + problem);
        }
    }
}
