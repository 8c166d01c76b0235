package no.dialog.core.payment.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The files in events/ocr are what {@link OcrFixtures} builds (so a change to either shows). Run with
 * {@code -Docr.writeFixtures=true} to write them again.
 */
class OcrFixturesTest {

    @Test
    void theCheckedInFilesAreTheBuiltOnes() throws IOException {
        check(OcrFixtures.GOOD_MOD10, OcrFixtures.goodMod10().bytes());
        check(OcrFixtures.GOOD_MOD11, OcrFixtures.goodMod11().bytes());
        check(OcrFixtures.CORRUPT, OcrFixtures.corrupt().bytes());
    }

    private static void check(String name, byte[] built) throws IOException {
        if (Boolean.getBoolean("ocr.writeFixtures")) {
            Files.createDirectories(OcrFixtures.directory());
            Files.write(OcrFixtures.directory().resolve(name), built);
        }
        assertThat(OcrFixtures.load(name)).as(name).isEqualTo(built);
    }
}
