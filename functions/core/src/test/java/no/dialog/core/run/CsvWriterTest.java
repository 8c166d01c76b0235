package no.dialog.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesRfc4180WithCrlfAndABomForPeople() {
        byte[] bytes = CsvWriter.forPeople(List.of("name", "text")).row(List.of("Åse Ødegård", "Hei, \"du\"\nher")).toBytes();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("name,text\r\nÅse Ødegård,\"Hei, \"\"du\"\"\nher\"\r\n");
    }

    @Test
    void writesNoBomForMachines() {
        byte[] bytes = CsvWriter.forMachines(List.of("file")).row(List.of("0001.pdf")).toBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("file\r\n0001.pdf\r\n");
    }

    @ParameterizedTest
    @CsvSource(value = {"=SUM(A1)|'=SUM(A1)", "@cmd|'@cmd", "+4791234567|+4791234567", "-150|-150",
            "+cmd|'+cmd", "-|'-", "plain|plain", "NULL|\"\""}, delimiter = '|', quoteCharacter = '"', nullValues = "NULL")
    void defusesWhatASpreadsheetWouldRunButKeepsNumbers(String value, String cell) {
        assertThat(CsvWriter.cell(value)).isEqualTo(cell);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        CsvWriter csv = CsvWriter.forPeople(List.of("a", "b"));
        assertThatThrownBy(() -> csv.row(List.of("1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CSV row has 1 cells, the header 2");
    }
}
