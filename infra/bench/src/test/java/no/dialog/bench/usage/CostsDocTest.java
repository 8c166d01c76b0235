package no.dialog.bench.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/costs.md shows the prices the benchmarks compute with: the two change together or not at all. */
class CostsDocTest {

    @Test
    void theDocumentedPriceTableIsTheOneTheBenchmarksUse() throws Exception {
        String doc = Files.readString(Path.of("../../docs/costs.md"));

        assertThat(doc).contains("region **" + AwsPrices.REGION + "**", "as of **" + AwsPrices.AS_OF + "**");
        assertThat(doc).contains(
                "| Lambda, arm64 | GB-second of duration | $" + plain(AwsPrices.LAMBDA_GB_SECOND) + " |",
                "| Lambda | request | $" + perMillion(AwsPrices.LAMBDA_REQUEST) + " per million |",
                "write request unit (WRU, 1 KB) | $" + perMillion(AwsPrices.DYNAMODB_WRU) + " per million |",
                "read request unit (RRU, 4 KB strongly consistent) | $" + perMillion(AwsPrices.DYNAMODB_RRU)
                        + " per million |",
                "| SQS standard | request (per 64 KB chunk) | $" + perMillion(AwsPrices.SQS_REQUEST) + " per million |",
                "Scheduler invocation alike | $" + perMillion(AwsPrices.EVENTBRIDGE_EVENT) + " per million |",
                "| S3 Standard | PUT, COPY, POST, LIST request | $" + plain(AwsPrices.S3_PUT * 1e3) + " per thousand |",
                "| S3 Standard | GET and other requests | $" + plain(AwsPrices.S3_GET * 1e3) + " per thousand |",
                "(first 300 million a month) | $" + perMillion(AwsPrices.HTTP_API_REQUEST) + " per million |");
    }

    private static String perMillion(double price) {
        return String.format(java.util.Locale.ROOT, "%.3f", price * 1e6).replaceAll("0$", "");
    }

    private static String plain(double price) {
        return new java.math.BigDecimal(price).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }
}
