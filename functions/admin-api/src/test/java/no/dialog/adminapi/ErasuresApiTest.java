package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.privacy.ErasureLog;
import no.dialog.core.privacy.ErasureMessages;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** {@code POST /admin/v1/contacts/{id}/erase} and {@code GET /admin/v1/erasures/{id}} through the real function. */
class ErasuresApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApplicationContext context;
    private static ContractCheckedFunction function;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        var emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        env.put("ERASURES_TABLE", TestTables.erasures(emulators.dynamoDb()));
        queueUrl = emulators.sqs().createQueue(b -> b.queueName("admin-api-erasures-" + System.nanoTime())).queueUrl();
        env.put("ERASURES_QUEUE_URL", queueUrl);
        context = AdminApiEnvironment.start(env, emulators, CLOCK, null);
        function = new ContractCheckedFunction(context);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse erase(String tenant, String roles, String contactId) {
        return function.handleRequest(as(request("POST", "/admin/v1/contacts/" + contactId + "/erase", null),
                tenant, roles), null);
    }

    private static APIGatewayV2HTTPResponse get(String tenant, String roles, String erasureId) {
        return function.handleRequest(as(request("GET", "/admin/v1/erasures/" + erasureId, null), tenant, roles),
                null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    private static List<Message> queued() {
        return SharedEmulators.get().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
    }

    @Test
    void anAdminStartsAnErasureAndFollowsItToItsCountsPerStore() throws Exception {
        APIGatewayV2HTTPResponse accepted = erase("demo", "[admin]", "M-100234");

        assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
        JsonNode erasure = json(accepted);
        String id = erasure.get("erasureId").asText();
        assertThat(accepted.getHeaders()).containsEntry("Location", "/admin/v1/erasures/" + id);
        assertThat(erasure.get("state").asText()).isEqualTo("requested");
        assertThat(erasure.get("source").asText()).isEqualTo("staff");
        assertThat(erasure.get("contactId").asText()).isEqualTo("M-100234");
        assertThat(erasure.get("erased")).isEmpty();
        assertThat(queued()).extracting(m -> ErasureMessages.parse(m.body()))
                .containsExactly(new ErasureMessages.Run(TenantId.of("demo"), id));

        // What the erase function records as it goes:
        ErasureLog log = context.getBean(ErasureLog.class);
        log.stepDone(TenantId.of("demo"), id, "contacts", 1);
        assertThat(json(get("demo", "[admin]", id)).get("state").asText()).isEqualTo("running");
        log.stepDone(TenantId.of("demo"), id, "send-ledger", 4);
        log.finish(TenantId.of("demo"), id, CLOCK.instant());

        APIGatewayV2HTTPResponse done = get("demo", "[admin]", id);
        assertThat(done.getStatusCode()).isEqualTo(200);
        JsonNode body = json(done);
        assertThat(body.get("state").asText()).isEqualTo("done");
        assertThat(body.get("finishedAt").asText()).isEqualTo("2026-12-06T12:30:00Z");
        assertThat(body.get("erased").toString())
                .isEqualTo("[{\"store\":\"contacts\",\"count\":1},{\"store\":\"send-ledger\",\"count\":4}]");
    }

    @Test
    void anotherTenantsOrAnUnknownErasureIsNotFoundAndABadIdIsRefused() throws Exception {
        String id = json(erase("demo", "[admin]", "M-7")).get("erasureId").asText();
        queued();

        APIGatewayV2HTTPResponse other = get("other", "[admin]", id);
        assertThat(other.getStatusCode()).isEqualTo(404);
        assertThat(other.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        assertThat(get("demo", "[admin]", "0b0e6c4e-0000-4000-8000-000000000000").getStatusCode()).isEqualTo(404);
        assertThat(get("demo", "[admin]", "not_an_id").getStatusCode()).isEqualTo(400);
        assertThat(erase("demo", "[admin]", "M%201").getStatusCode()).isEqualTo(400);
        assertThat(queued()).as("a refused request queues nothing").isEmpty();
    }

    @Test
    void onlyAnAdminErasesOrReadsAnErasure() throws Exception {
        String id = json(erase("demo", "[admin]", "M-8")).get("erasureId").asText();
        queued();

        assertThat(erase("demo", "[editor viewer]", "M-8").getStatusCode()).isEqualTo(403);
        assertThat(erase("demo", "[platform-admin]", "M-8").getStatusCode()).isEqualTo(403);
        assertThat(get("demo", "[editor]", id).getStatusCode()).isEqualTo(403);
        assertThat(queued()).isEmpty();
    }
}
