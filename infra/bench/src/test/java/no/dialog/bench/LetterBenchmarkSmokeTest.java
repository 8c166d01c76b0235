package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run letters}: 50 letter requests through send-letter and close-runs into
 * the 21Grams drop. Every letter is in the drop once, with the manifest, and the cost figures are printed. Timings
 * are not checked.
 */
class LetterBenchmarkSmokeTest {

    private static final int LETTERS = 50;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void fiftyLettersReachTheDropOnceEach() throws Exception {
        var printed = Printed.capture(() -> LetterBenchmark.run(LETTERS, Duration.ofMinutes(3)));
        LetterBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.ok()).as(why).isTrue();
        assertThat(result.pdfs()).as("PDFs in the drop (more: written twice, fewer: lost): " + why).isEqualTo(LETTERS);
        assertThat(result.people()).as(why).isEqualTo(LETTERS);
        assertThat(result.cost().functions()).as(why).containsKeys("dialog-send-letter-local", "dialog-close-runs-local");
        assertThat(result.cost().recording().s3BytesIn()).as("PDF bytes put to S3: " + why).isPositive();
        assertThat(result.floorLettersPerSecond()).as(why).isPositive();
        assertThat(printed.text())
                .containsPattern("letters requested / PDFs in the drop +50 / 50 \\(manifest: yes, run holds 50 people\\)")
                .containsPattern("own CPU per letter +\\d+\\.\\d{3} ms")
                .containsPattern("S3 +requests per letter +\\d+\\.\\d{3}")
                .containsPattern("projected AWS cost per 100,000 letters +\\$\\d+\\.\\d{4}")
                .doesNotContain("not every letter reached the drop once");
    }
}
