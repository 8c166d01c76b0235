package no.dialog.bench;

import java.util.List;
import no.dialog.core.segment.snapshot.SnapshotMatches;

/**
 * A set of contact ids reduced to a count and two order-independent 64-bit fingerprints, so the
 * benchmark can check that two engines matched the same contacts without holding both id lists.
 */
record IdSet(long count, long sum, long xor) {

    static IdSet of(SnapshotMatches matches, int chunk) {
        long[] acc = new long[3];
        matches.forEachChunk(chunk, ids -> ids.forEach(id -> add(acc, id)));
        return new IdSet(acc[0], acc[1], acc[2]);
    }

    static IdSet of(List<String> ids) {
        long[] acc = new long[3];
        ids.forEach(id -> add(acc, id));
        return new IdSet(acc[0], acc[1], acc[2]);
    }

    private static void add(long[] acc, String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        acc[0]++;
        acc[1] += h;
        acc[2] ^= h * 31 + 7;
    }
}
