package no.dialog.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seconds-long run of {@code infra/bench/run sms}, so the benchmark keeps working: 200 messages through the
 * send-sms queue, the send-sms function and the LINK sandbox, three times (warm-up, measured, and with 10%
 * of the requests delivered twice), beside the sandbox alone and the ledger alone. Every message reaches the
 * sandbox exactly once (duplicate deliveries included), none is refused or dead-lettered, and the figures are
 * printed. Timings are not checked.
 */
class SmsBenchmarkSmokeTest {

    private static final int MESSAGES = 200;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void twoHundredMessagesReachTheSandboxOnceEach() throws Exception {
        var printed = Printed.capture(() -> SmsBenchmark.run(MESSAGES, Duration.ofSeconds(60)));
        SmsBenchmark.Result result = printed.result();
        String why = result + "\n" + printed.text();

        assertThat(result.runs()).extracting(SmsBenchmark.Delivery::label)
                .containsExactly("warm-up", "pipeline", "pipeline, 10% duplicate deliveries");
        for (SmsBenchmark.Delivery run : result.runs()) {
            assertThat(run.messages()).isEqualTo(MESSAGES);
            assertThat(run.refused()).as("refused in " + run.label() + ": " + why).isZero();
            assertThat(run.deadLettered()).as("dead-lettered in " + run.label() + ": " + why).isZero();
            assertThat(run.lost()).as("lost in " + run.label() + ": " + why).isZero();
            assertThat(run.distinct()).as("at the sandbox in " + run.label() + ": " + why).isEqualTo(MESSAGES);
            assertThat(run.secondSends()).as("sent twice in " + run.label() + ": " + why).isZero();
        }
        assertThat(result.runs().get(2).duplicateDeliveries()).as("the duplicate run put copies on the queue").isEqualTo(20);
        assertThat(result.ok()).as(why).isTrue();

        assertThat(printed.text())
                .containsPattern("baseline: LINK sandbox alone, plain loop +[\\d,]+ messages/s")
                .containsPattern("the send ledger alone .* [\\d,]+ messages/s")
                .contains("messages / put on the queue             200 / 200 (0 duplicate deliveries)")
                .contains("messages / put on the queue             200 / 220 (20 duplicate deliveries)")
                .containsPattern("accepted by the sandbox / distinct refIds 200 / 200 → second sends: 0")
                .containsPattern("throughput +[\\d,]+ messages/s")
                .containsPattern("against the LINK sandbox alone +\\d+\\.\\d\\d of the baseline")
                .containsPattern("emulator floor .* [\\d,]+ messages/s → throughput \\d+\\.\\d\\d of the floor")
                .containsPattern("own CPU per message +\\d+\\.\\d{3} ms")
                .containsPattern("DynamoDb +requests per message +\\d+\\.\\d{3}")
                .containsPattern("Sqs +requests per message +\\d+\\.\\d{3}")
                .containsPattern("event source Sqs ReceiveMessage +[\\d,]+ +\\(\\d+\\.\\d{3} per message\\)")
                .containsPattern("DynamoDB capacity per message +\\d+\\.\\d\\d WRU, \\d+\\.\\d\\d RRU")
                .contains("hottest partition keys")
                .containsPattern("projected AWS cost per 100,000 messages +\\$\\d+\\.\\d{4}");
        // The figures come from the run: the functions spent CPU, DynamoDB billed capacity, the floor was measured.
        assertThat(result.cost().cpuMsPerUnit()).as(why).isPositive();
        assertThat(result.cost().writeUnitsPerUnit()).as("DynamoDB reported capacity: " + why).isGreaterThanOrEqualTo(1);
        assertThat(result.cost().functions()).as(why).containsKey("dialog-send-sms-local");
        assertThat(result.floorMessagesPerSecond()).as(why).isPositive();
        assertThat(result.cost().costPer100kTotal()).as(why).isPositive();
    }
}
