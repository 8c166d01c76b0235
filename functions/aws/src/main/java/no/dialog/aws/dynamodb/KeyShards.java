package no.dialog.aws.dynamodb;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Spreads the writes of one logical key (a journey's results, its enrolment cap) over several DynamoDB
 * partition keys, {@code <base>#00} to {@code <base>#NN}. DynamoDB gives one partition key about 1,000 write
 * units a second; Dialog keeps every key under 500 writes a second at 2,000 messages a second (ADR 0035), so
 * a key that every message or enrolment writes is split, and its readers read all the shards.
 */
public final class KeyShards {

    private KeyShards() {}

    /** The partition key of one shard: the base, {@code #}, and the shard number in two digits. */
    public static String key(String base, int shard, int shards) {
        return base + "#" + String.format("%02d", Math.floorMod(shard, shards));
    }

    /** A shard picked at random, for writes that need not land anywhere in particular. */
    public static int random(int shards) {
        return ThreadLocalRandom.current().nextInt(shards);
    }

    /**
     * The shard a value always maps to. {@link String#hashCode} is fixed by the language, so every JVM agrees, but
     * its low bits are an alternating sum of the characters: register ids such as {@code 100234} would crowd a few
     * shards. MurmurHash3's finaliser mixes every bit into the low ones first.
     */
    public static int of(String value, int shards) {
        int h = value.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }
}
