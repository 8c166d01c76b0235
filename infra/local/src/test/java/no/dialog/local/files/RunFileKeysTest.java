package no.dialog.local.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunFileKeysTest {

    private static final String RUN = "renewal.v1.letter.2026-11-23.1";

    @Test
    void readsTheLetterDropAndThePrintAndCallListPrefixes() {
        assertThat(RunFileKeys.parse("drops/demo/21grams/" + RUN + "/0001.pdf")).hasValueSatisfying(file -> {
            assertThat(file.tenant()).isEqualTo("demo");
            assertThat(file.channel()).isEqualTo("letter");
            assertThat(file.runId()).isEqualTo(RUN);
            assertThat(file.fileName()).isEqualTo("0001.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
        });
        assertThat(RunFileKeys.parse("demo/print/" + RUN + "/print.csv")).hasValueSatisfying(file -> {
            assertThat(file.channel()).isEqualTo("print");
            assertThat(file.contentType()).isEqualTo("text/csv; charset=utf-8");
        });
        assertThat(RunFileKeys.parse("demo/telemarketing/" + RUN + "/call-list.csv")).isPresent();
    }

    @Test
    void refusesEverythingElse() {
        assertThat(RunFileKeys.parse(null)).isEmpty();
        assertThat(RunFileKeys.parse("demo/contacts/file.ndjson")).isEmpty();
        assertThat(RunFileKeys.parse("demo/sms/" + RUN + "/x.csv")).isEmpty();
        assertThat(RunFileKeys.parse("/drops/demo/21grams/" + RUN + "/0001.pdf")).isEmpty();
        assertThat(RunFileKeys.parse("drops/demo/21grams/" + RUN + "/../../other/0001.pdf")).isEmpty();
        assertThat(RunFileKeys.parse("drops/demo/21grams/../0001.pdf")).isEmpty();
        assertThat(RunFileKeys.parse("drops/demo/21grams/" + RUN + "/..pdf")).isEmpty();
        assertThat(RunFileKeys.parse("drops/Demo/21grams/" + RUN + "/0001.pdf")).isEmpty();
        assertThat(RunFileKeys.parse("drops/demo/21grams/" + RUN + "/0001.exe")).isEmpty();
        assertThat(RunFileKeys.parse("drops/demo/21grams/" + RUN + "/sub/0001.pdf")).isEmpty();
    }
}
