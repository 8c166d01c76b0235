package no.dialog.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.dialog.aws.dynamodb.DynamoDbSendLedger;
import no.dialog.aws.payment.EventBridgePaymentEvents;
import no.dialog.aws.run.S3RunFiles;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.payment.PaymentEvents.BusEvent;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunRef;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A few of functions/aws's adapters against LocalStack (the AWS APIs as LocalStack implements them), next to
 * their tests on the in-process emulators in functions/aws: conditional writes in DynamoDB, S3 objects behind
 * presigned download links, and events on a custom EventBridge bus routed by a rule to an SQS queue (which the
 * adapters' own tests only see through WireMock).
 *
 * <p>Opt-in (root pom profile {@code localstack}) and only where Docker runs: without Docker, JUnit skips the class
 * ("disabledWithoutDocker is true and Docker is not available"). The image is {@value #DEFAULT_IMAGE} unless
 * {@code -Dlocalstack.image=...} names another; newer images need {@code LOCALSTACK_AUTH_TOKEN} in the
 * environment, which is passed on when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class AwsAdaptersOnLocalStackTest {

    /** The last LocalStack image that starts without an account (later tags ask for LOCALSTACK_AUTH_TOKEN). */
    static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse(System.getProperty("localstack.image", DEFAULT_IMAGE))
                    .asCompatibleSubstituteFor("localstack/localstack"))
            .withServices("dynamodb", "s3", "sqs", "events")
            .withEnv(authToken());

    private static DynamoDbClient dynamoDb;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static SqsClient sqs;
    private static EventBridgeClient events;

    private static Map<String, String> authToken() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null || token.isBlank() ? Map.of() : Map.of("LOCALSTACK_AUTH_TOKEN", token);
    }

    @BeforeAll
    static void clients() {
        URI endpoint = LOCALSTACK.getEndpoint();
        Region region = Region.of(LOCALSTACK.getRegion());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true).build();
        presigner = S3Presigner.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials).build();
        events = EventBridgeClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .build();
    }

    @AfterAll
    static void closeClients() {
        for (AutoCloseable client : new AutoCloseable[] {dynamoDb, s3, presigner, sqs, events}) {
            try {
                if (client != null) {
                    client.close();
                }
            } catch (Exception e) {
                // closing a client of a stopped container: nothing to keep
            }
        }
    }

    @Test
    void theSendLedgerRecordsAnIntentOnceAndThenItsOutcome() {
        String table = "send-ledger-" + UUID.randomUUID();
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
        DynamoDbSendLedger ledger = new DynamoDbSendLedger(dynamoDb, table, CLOCK);
        String key = "demo:E-1:ask:1";

        assertThat(ledger.recordIntent(key, DEMO, SendChannel.SMS, "C-1", NOW)).isTrue();
        assertThat(ledger.recordIntent(key, DEMO, SendChannel.SMS, "C-1", NOW)).as("the second attempt").isFalse();
        ledger.markSent(key, "provider-1", 2);

        LedgerEntry sent = ledger.find(key).orElseThrow();
        assertThat(sent.state()).isEqualTo(SendState.SENT);
        assertThat(sent.providerMessageId()).isEqualTo("provider-1");
        assertThat(sent.parts()).isEqualTo(2);
        assertThat(sent.contactId()).isEqualTo("C-1");
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(key)))).item();
        assertThat(Long.parseLong(item.get("expiresAt").n())).as("TTL in epoch seconds")
                .isEqualTo(NOW.plus(no.dialog.core.privacy.RetentionKind.SEND_LEDGER.byDefault()).getEpochSecond());
    }

    @Test
    void aRunFileIsStoredAndItsPresignedLinkDownloadsIt() throws Exception {
        String bucket = "exports-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
        S3RunFiles files = new S3RunFiles(s3, bucket);
        byte[] content = "kid;name\n000123;Kari Nordmann\n".getBytes(StandardCharsets.UTF_8);

        RunFile file = files.put(new RunRef(DEMO, SendChannel.PRINT, "run-1"), "print.csv", content, "text/csv");

        assertThat(file.link()).as("links are signed per request, never stored").isNull();
        assertThat(s3.headObject(b -> b.bucket(bucket).key(file.key())).contentType()).isEqualTo("text/csv");
        String link = presigner.presignGetObject(b -> b.signatureDuration(java.time.Duration.ofHours(1))
                .getObjectRequest(g -> g.bucket(bucket).key(file.key()))).url().toString();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(content);
        }
    }

    @Test
    void aPaymentEventOnTheBusReachesTheQueueARuleSendsItTo() throws Exception {
        String bus = "dialog-it-" + UUID.randomUUID();
        events.createEventBus(b -> b.name(bus));
        String queueUrl = sqs.createQueue(b -> b.queueName("payments-" + UUID.randomUUID())).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        events.putRule(b -> b.name("gifts").eventBusName(bus)
                .eventPattern("{\"source\":[\"" + EventBridgePaymentEvents.SOURCE + "\"],\"detail-type\":[\"GiftReceived\"]}"));
        events.putTargets(b -> b.rule("gifts").eventBusName(bus)
                .targets(t -> t.id("queue").arn(queueArn)));
        ObjectNode detail = JSON.createObjectNode().put("tenant", "demo").put("paymentId", "P-1").put("amount", 250);

        new EventBridgePaymentEvents(events, bus).publish(DEMO, List.of(
                new BusEvent("GiftReceived", detail),
                new BusEvent("PaymentReceived", JSON.createObjectNode().put("tenant", "demo"))));

        Message delivered = receiveOne(queueUrl, Duration.ofSeconds(20));
        JsonNode event = JSON.readTree(delivered.body());
        assertThat(event.path("source").asText()).isEqualTo(EventBridgePaymentEvents.SOURCE);
        assertThat(event.path("detail-type").asText()).isEqualTo("GiftReceived");
        assertThat(event.path("detail")).isEqualTo(detail);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)).messages())
                .as("PaymentReceived does not match the rule").isEmpty();
    }

    private static Message receiveOne(String queueUrl, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2)).messages();
            if (!messages.isEmpty()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(messages.get(0).receiptHandle()));
                return messages.get(0);
            }
        }
        throw new AssertionError("no event reached " + queueUrl + " within " + within);
    }
}
