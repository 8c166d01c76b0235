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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.dialog.core.predict.Deciles;
import no.dialog.core.predict.Evaluation;
import no.dialog.core.predict.FeatureImportance;
import no.dialog.core.predict.Features;
import no.dialog.core.predict.LinearModel;
import no.dialog.core.predict.ModelCard;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.predict.PublishedModel;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /admin/v1/predictions/...} through the real admin API function (responses checked against
 * docs/openapi.yaml), with the model cards where the training function keeps them (S3Proxy).
 */
class PredictionsApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        String snapshots = "snapshots-" + java.util.UUID.randomUUID();
        emulators.s3().createBucket(b -> b.bucket(snapshots));
        env.put("SNAPSHOTS_BUCKET", snapshots);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse get(String path, String tenant, String roles) {
        return function.handleRequest(as(request("GET", path, null), tenant, roles), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return MAPPER.readTree(response.getBody());
    }

    private static ModelCard dropout() {
        int width = Features.count();
        double[] ones = new double[width];
        java.util.Arrays.fill(ones, 1);
        LinearModel model = new LinearModel(Features.names(), new double[width], ones, new double[width], -1, 1, 0);
        Evaluation evaluation = new Evaluation(ModelKind.DROPOUT_RISK, 4000, 800, 3900, 820, 0.78, 0.64,
                List.of(new Evaluation.Bin(1, 0.04, 0.05, 390), new Evaluation.Bin(10, 0.55, 0.52, 390)), 0.03);
        return new ModelCard(ModelKind.DROPOUT_RISK, "2026-12-06T01:00:00Z", Instant.parse("2026-12-06T01:00:00Z"),
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), true, null, evaluation,
                List.of(new FeatureImportance("regular.missedMonths12", "Uteble", "Missed months", 0.9, "raises")),
                new PublishedModel(ModelKind.DROPOUT_RISK, model,
                        new Deciles(new double[] {0.05, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.32, 0.42})));
    }

    @Test
    void staffSeeEachModelsEvaluationAndFeaturesAndWhyTheOthersAreNotPublished() throws Exception {
        ModelStore store = context.getBean(ModelStore.class);
        store.keep(TenantId.of("trained"), List.of(dropout(), ModelCard.untrained(ModelKind.LAPSE_RISK,
                "2026-12-06T01:00:00Z", Instant.parse("2026-12-06T01:00:00Z"), LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 9, 7), "only 12 people in scope at 2026-09-07 (at least 200 are needed)")));
        store.scored(TenantId.of("trained"), new ModelStore.ScoringSummary(Instant.parse("2026-12-07T02:30:00Z"),
                "2026-12-06T01:00:00Z", 5000, 760, 3));

        JsonNode all = body(get("/admin/v1/predictions/models", "trained", "viewer"));

        assertThat(all.get("models")).hasSize(ModelKind.values().length);
        JsonNode dropout = all.get("models").get(0);
        assertThat(dropout.get("model").asText()).isEqualTo("dropoutRisk");
        assertThat(dropout.get("published").asBoolean()).isTrue();
        assertThat(dropout.get("evaluation").get("auc").asDouble()).isEqualTo(0.78);
        assertThat(dropout.get("evaluation").get("baselineAuc").asDouble()).isEqualTo(0.64);
        assertThat(dropout.get("evaluation").get("reliability")).hasSize(2);
        assertThat(dropout.get("topFeatures").get(0).get("direction").asText()).isEqualTo("raises");
        assertThat(dropout.get("decileCuts")).hasSize(9);
        assertThat(dropout.get("segmentFields").toString()).contains("predicted.dropoutRiskDecile");
        JsonNode lapse = all.get("models").get(1);
        assertThat(lapse.get("published").asBoolean()).isFalse();
        assertThat(lapse.get("reason").asText()).contains("only 12 people");
        assertThat(all.get("models").get(2).get("reason").asText()).startsWith("not trained yet");
        assertThat(all.get("scores").get("scored").asLong()).isEqualTo(760);

        JsonNode one = body(get("/admin/v1/predictions/models/dropoutRisk", "trained", "viewer"));
        assertThat(one).isEqualTo(dropout);
    }

    @Test
    void anotherTenantSeesNoneOfItAndAnUnknownModelIsA404WithTheNames() throws Exception {
        context.getBean(ModelStore.class).keep(TenantId.of("secret"), List.of(dropout()));

        JsonNode other = body(get("/admin/v1/predictions/models", "other", "viewer"));
        assertThat(other.get("models").findValues("published")).allMatch(p -> !p.asBoolean());
        assertThat(other.get("scores").isNull()).isTrue();

        APIGatewayV2HTTPResponse unknown = get("/admin/v1/predictions/models/churn", "other", "viewer");
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("dropoutRisk");
    }

    @Test
    void theFeatureRegistryListsWhatModelsMayUseAndNoFreeFormFields() throws Exception {
        JsonNode features = body(get("/admin/v1/predictions/features", "demo", "viewer")).get("features");

        assertThat(features).hasSize(Features.count());
        assertThat(features.findValuesAsText("feature")).noneMatch(f -> f.startsWith("attributes")
                || f.startsWith("roles") || f.startsWith("volunteer") || f.startsWith("events"));
        assertThat(features.get(0).get("labels").get("nb").asText()).isNotBlank();
    }
}
