package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmulatorsLifecycleTest {

    @Test
    void startsOnTheRequestedPorts() {
        int dynamoDbPort = FreePort.find();
        int sqsPort = FreePort.find();
        int s3Port = FreePort.find();
        EmulatorOptions options = EmulatorOptions.builder()
                .dynamoDbPort(dynamoDbPort).sqsPort(sqsPort).s3Port(s3Port).build();

        try (Emulators emulators = Emulators.start(options)) {
            String queueUrl = emulators.sqs().createQueue(create -> create.queueName("fixed")).queueUrl();

            assertThat(emulators.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:" + dynamoDbPort));
            assertThat(emulators.sqsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:" + sqsPort));
            assertThat(emulators.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + s3Port));
            assertThat(URI.create(queueUrl).getPort()).isEqualTo(sqsPort);
            assertThat(emulators.dynamoDb().listTables().tableNames()).isEmpty();
            assertThat(emulators.s3().listBuckets().buckets()).isEmpty();
        }
    }

    @Test
    void failedStartStopsWhatHadStartedAndReleasesItsPorts() throws Exception {
        EmulatorOptions options = EmulatorOptions.builder()
                .dynamoDbPort(FreePort.find()).sqsPort(FreePort.find()).s3Port(FreePort.find()).build();

        // S3 starts last, so DynamoDB and SQS are already up when it fails.
        try (ServerSocket taken = new ServerSocket(options.s3Port(), 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Emulators.start(options)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Could not start");
        }

        try (Emulators emulators = Emulators.start(options)) {
            assertThat(emulators.dynamoDbEndpoint().getPort()).isEqualTo(options.dynamoDbPort());
        }
    }

    @Test
    void closeStopsEverythingAndLeavesNoThreadThatKeepsTheJvmAlive() throws InterruptedException {
        Set<Thread> before = liveNonDaemonThreads();
        Emulators emulators = Emulators.start();
        emulators.dynamoDb().listTables();
        emulators.sqs().listQueues();
        emulators.s3().listBuckets();
        emulators.addObjectCreatedListener(event -> { });

        emulators.close();
        emulators.close();

        // Server threads end shortly after stop() returns; give them a moment rather than a fixed sleep.
        Set<Thread> leftOver = new java.util.HashSet<>();
        for (int attempt = 0; attempt < 50; attempt++) {
            leftOver = liveNonDaemonThreads();
            leftOver.removeAll(before);
            if (leftOver.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(leftOver).extracting(Thread::getName).isEmpty();
        assertThatThrownBy(emulators::s3).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sharedEmulatorsStartOncePerJvm() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Emulators>> results = callers.invokeAll(
                    List.<Callable<Emulators>>of(SharedEmulators::get, SharedEmulators::get,
                            SharedEmulators::get, SharedEmulators::get));

            Emulators first = results.get(0).get();
            for (Future<Emulators> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
            assertThat(first.dynamoDb()).isSameAs(first.dynamoDb());
        } finally {
            callers.shutdown();
        }
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }
}
