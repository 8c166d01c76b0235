package no.dialog.core.predicted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import no.dialog.core.contact.Channel;
import org.junit.jupiter.api.Test;

class PredictionTableTest {

    private static final Instant AS_OF = Instant.parse("2026-12-07T02:00:00Z");
    private static final Set<ModelKind> RISKS_AND_SMS =
            EnumSet.of(ModelKind.DROPOUT_RISK, ModelKind.LAPSE_RISK, ModelKind.RESPONSE_SMS);

    private static Prediction prediction(double dropout, int decile, Channel channel, Integer hour) {
        return new Prediction(Map.of(ModelKind.DROPOUT_RISK, new Prediction.Score(dropout, decile)),
                Optional.ofNullable(channel), Optional.ofNullable(hour));
    }

    @Test
    void findsEveryRowAddedInAnyOrderAndNothingElse() {
        Prediction a = new Prediction(Map.of(ModelKind.DROPOUT_RISK, new Prediction.Score(0.75, 9),
                ModelKind.RESPONSE_SMS, new Prediction.Score(0.5, 6)), Optional.of(Channel.SMS), Optional.of(19));
        Prediction b = prediction(0.125, 2, null, null);
        Prediction c = new Prediction(Map.of(), Optional.of(Channel.POST), Optional.empty());
        PredictionTable table = PredictionTable.builder(AS_OF, RISKS_AND_SMS)
                .add("C-3", c).add("C-1", a).add("Ø-2", b).build();

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.asOf()).isEqualTo(AS_OF);
        assertThat(table.published()).isEqualTo(RISKS_AND_SMS);
        assertThat(table.find("C-1")).isEqualTo(a);
        assertThat(table.find("Ø-2")).isEqualTo(b);
        assertThat(table.find("C-3")).isEqualTo(c);
        assertThat(table.find("C-2")).isSameAs(Prediction.NONE);
        assertThat(table.find("")).isSameAs(Prediction.NONE);
        Map<String, Prediction> all = new LinkedHashMap<>();
        table.forEach(all::put);
        assertThat(all.keySet()).containsExactly("C-1", "C-3", "Ø-2"); // by UTF-8 bytes
        assertThat(table.decile(ModelKind.LAPSE_RISK, table.rowOf("C-1"))).isZero();
        assertThat(table.probability(ModelKind.RESPONSE_CALL, table.rowOf("C-1"))).isNaN();
    }

    @Test
    void keepsProbabilitiesAsFloats() {
        PredictionTable table = PredictionTable.builder(AS_OF, RISKS_AND_SMS)
                .add("C-1", prediction(0.1, 1, null, null)).build();
        assertThat(table.find("C-1").score(ModelKind.DROPOUT_RISK).orElseThrow().probability())
                .isEqualTo((double) 0.1f);
    }

    @Test
    void refusesAnIdTwiceAndScoresOfModelsNotPublished() {
        PredictionTable.Builder builder = PredictionTable.builder(AS_OF, RISKS_AND_SMS)
                .add("C-1", Prediction.NONE).add("C-1", Prediction.NONE);
        assertThatThrownBy(builder::build).hasMessage("a contact id was added twice");
        Prediction call = new Prediction(Map.of(ModelKind.RESPONSE_CALL, new Prediction.Score(0.5, 5)), null, null);
        assertThatThrownBy(() -> PredictionTable.builder(AS_OF, RISKS_AND_SMS).add("C-1", call))
                .hasMessageContaining("responseCall");
    }

    @Test
    void withoutLeavesOutOnePersonOnly() throws IOException {
        PredictionTable table = PredictionTable.builder(AS_OF, RISKS_AND_SMS)
                .add("C-1", prediction(0.25, 3, Channel.SMS, 8))
                .add("C-2", prediction(0.5, 5, Channel.EMAIL, 9))
                .add("C-3", prediction(0.75, 8, null, 10)).build();

        PredictionTable erased = table.without("C-2");

        assertThat(erased.size()).isEqualTo(2);
        assertThat(erased.find("C-2")).isSameAs(Prediction.NONE);
        assertThat(erased.find("C-1")).isEqualTo(table.find("C-1"));
        assertThat(erased.find("C-3")).isEqualTo(table.find("C-3"));
        assertThat(table.find("C-2")).isNotEqualTo(Prediction.NONE); // a copy: the original is unchanged
        assertThat(roundTrip(erased, true).find("C-3")).isEqualTo(table.find("C-3"));
        assertThat(table.without("C-9")).isSameAs(table);
        assertThat(table.without("C-1").without("C-2").without("C-3").isEmpty()).isTrue();
    }

    @Test
    void aMillionRowsRoundTripInAboutThirtyBytesEach() throws IOException {
        Random random = new Random(42);
        Set<ModelKind> all = EnumSet.allOf(ModelKind.class);
        PredictionTable.Builder builder = PredictionTable.builder(AS_OF, all);
        int rows = 1_000_000;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String id = "C-" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36) + "-" + i;
            ids.add(id);
            builder.add(id, randomPrediction(random, all));
        }
        PredictionTable table = builder.build();
        long idBytes = ids.stream().mapToLong(String::length).sum();

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        table.writeTo(plain, false);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        table.writeTo(zipped);
        PredictionTable again = PredictionTable.readFrom(new ByteArrayInputStream(zipped.toByteArray()));

        // Ids and offsets, then 4 + 1 bytes per model and 2 for channel and hour, per row.
        long perRow = 4 + ModelKind.values().length * 5L + 2;
        assertThat((long) plain.size()).isBetween(idBytes + rows * perRow, idBytes + rows * perRow + 1_000);
        assertThat(zipped.size()).isLessThan(plain.size());
        assertThat(again.size()).isEqualTo(rows);
        for (int i = 0; i < rows; i += 997) {
            assertThat(again.find(ids.get(i))).isEqualTo(table.find(ids.get(i)));
        }
        assertThat(again.find("C-not-there")).isSameAs(Prediction.NONE);
        assertThat(PredictionTable.readFrom(new ByteArrayInputStream(plain.toByteArray())).size()).isEqualTo(rows);
    }

    @Test
    void anEmptyTableRoundTrips() throws IOException {
        PredictionTable again = roundTrip(PredictionTable.EMPTY, true);
        assertThat(again.size()).isZero();
        assertThat(again.published()).isEmpty();
        assertThat(again.find("C-1")).isSameAs(Prediction.NONE);
    }

    @Test
    void aDamagedFileFailsWithAClearMessageNamingNoOne() throws IOException {
        PredictionTable table = PredictionTable.builder(AS_OF, RISKS_AND_SMS)
                .add("person-secret-1", prediction(0.25, 3, Channel.SMS, 8))
                .add("person-secret-2", prediction(0.5, 5, Channel.EMAIL, 9)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeTo(out, false);
        byte[] good = out.toByteArray();

        assertFails(Arrays.copyOf(good, good.length - 7), "prediction table is damaged: it ends early");
        assertFails(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "not a prediction table");
        byte[] version = good.clone();
        ByteBuffer.wrap(version).putInt(4, 99);
        assertFails(version, "prediction table version 99 is not supported (expected 1)");
        byte[] rowCount = good.clone();
        ByteBuffer.wrap(rowCount).putInt(8, 3);
        assertFails(rowCount, "prediction table is damaged: an array length does not fit");
        byte[] hour = good.clone();
        hour[good.length - 5] = 24; // the last best hour, just before the end marker
        assertFails(hour, "prediction table is damaged: a best hour is out of range");
        byte[] end = good.clone();
        end[good.length - 1] ^= 1;
        assertFails(end, "prediction table is damaged: its end marker is missing");
        byte[] order = good.clone();
        int at = indexOf(good, "person-secret-2".getBytes());
        order[at + 14] = '0'; // the second id now sorts before the first
        assertFails(order, "prediction table is damaged: the ids are not in order");
    }

    private static void assertFails(byte[] bytes, String message) {
        assertThatThrownBy(() -> PredictionTable.readFrom(new ByteArrayInputStream(bytes)))
                .isInstanceOf(IOException.class).hasMessage(message).hasMessageNotContaining("person");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    static PredictionTable roundTrip(PredictionTable table, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeTo(out, gzip);
        return PredictionTable.readFrom(new ByteArrayInputStream(out.toByteArray()));
    }

    static Prediction randomPrediction(Random random, Set<ModelKind> kinds) {
        Map<ModelKind, Prediction.Score> scores = new LinkedHashMap<>();
        for (ModelKind kind : kinds) {
            if (random.nextInt(10) > 0) {
                double p = random.nextDouble();
                scores.put(kind, new Prediction.Score(p, Math.min(10, 1 + (int) (p * 10))));
            }
        }
        Channel[] channels = {Channel.SMS, Channel.EMAIL, Channel.POST, Channel.PHONE};
        return new Prediction(scores,
                random.nextInt(5) == 0 ? Optional.empty() : Optional.of(channels[random.nextInt(4)]),
                random.nextInt(5) == 0 ? Optional.empty() : Optional.of(random.nextInt(24)));
    }
}
