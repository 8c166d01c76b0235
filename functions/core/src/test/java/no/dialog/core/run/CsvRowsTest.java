package no.dialog.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rows leave a run's CSV file and the rest stays byte for byte, quoted line breaks and BOM included. */
class CsvRowsTest {

    @Test
    void thePersonsRowGoesAndEveryOtherByteStays() {
        byte[] written = CsvWriter.forPeople(List.of("reference", "contactId", "script"))
                .row(List.of("k-1", "C-1", "Hei Kari,\nring oss, \"takk\""))
                .row(List.of("k-2", "C-2", "Hei Ola"))
                .row(List.of("k-3", "C-3", "=cmd"))
                .toBytes();
        byte[] expected = CsvWriter.forPeople(List.of("reference", "contactId", "script"))
                .row(List.of("k-1", "C-1", "Hei Kari,\nring oss, \"takk\""))
                .row(List.of("k-3", "C-3", "=cmd"))
                .toBytes();

        CsvRows.Without without = CsvRows.without(written, "reference", Set.of("k-2"));

        assertThat(without.changed()).isTrue();
        assertThat(without.content()).isEqualTo(expected);
        assertThat(without.removed()).containsExactly(Map.of("reference", "k-2", "contactId", "C-2", "script", "Hei Ola"));
    }

    @Test
    void aRowWithALineBreakInsideQuotesIsOneRow() {
        byte[] written = CsvWriter.forMachines(List.of("file", "recipientName", "key"))
                .row(List.of("0001.pdf", "Kari \"K\" Nordmann,\njr", "k-1"))
                .row(List.of("0002.pdf", "Ola", "k-2"))
                .toBytes();

        CsvRows.Without without = CsvRows.without(written, "key", Set.of("k-1"));

        assertThat(new String(without.content(), StandardCharsets.UTF_8)).isEqualTo("file,recipientName,key\r\n0002.pdf,Ola,k-2\r\n");
        assertThat(without.removed()).singleElement().satisfies(row ->
                assertThat(row).containsEntry("file", "0001.pdf").containsEntry("recipientName", "Kari \"K\" Nordmann,\njr"));
    }

    @Test
    void nothingToTakeLeavesTheFileAndAnUnknownColumnIsRefused() {
        byte[] written = CsvWriter.forMachines(List.of("key")).row(List.of("k-1")).toBytes();
        CsvRows.Without without = CsvRows.without(written, "key", Set.of("k-9"));
        assertThat(without.changed()).isFalse();
        assertThat(without.content()).isSameAs(written);
        assertThatThrownBy(() -> CsvRows.without(written, "reference", Set.of("k-1")))
                .hasMessage("the CSV file has no column reference");
    }
}
