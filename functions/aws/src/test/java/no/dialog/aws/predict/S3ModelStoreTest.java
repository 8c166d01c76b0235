package no.dialog.aws.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.dialog.emulators.SharedEmulators;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3ModelStoreTest {

    private static final String BUCKET = "snapshots-" + UUID.randomUUID();
    private static S3Client s3;

    @BeforeAll
    static void createBucket() {
        s3 = SharedEmulators.get().s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    private static ModelCard published(String version) {
        int width = Features.count();
        double[] means = new double[width];
        double[] scales = new double[width];
        double[] weights = new double[width];
        for (int i = 0; i < width; i++) {
            means[i] = i * 0.5;
            scales[i] = 1 + i;
            weights[i] = (i % 3 - 1) * 0.25;
        }
        LinearModel model = new LinearModel(Features.names(), means, scales, weights, -1.5, 0.9, 0.1);
        Deciles deciles = new Deciles(new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6});
        Evaluation evaluation = new Evaluation(ModelKind.DROPOUT_RISK, 1200, 240, 1100, 230, 0.74, 0.61,
                List.of(new Evaluation.Bin(1, 0.05, 0.04, 110), new Evaluation.Bin(10, 0.6, 0.58, 110)), 0.02);
        return new ModelCard(ModelKind.DROPOUT_RISK, version, Instant.parse(version), LocalDate.of(2026, 9, 7),
                LocalDate.of(2026, 9, 7), true, null, evaluation,
                List.of(new FeatureImportance(Features.names().get(0), "nb", "en", 0.8, "raises")),
                new PublishedModel(ModelKind.DROPOUT_RISK, model, deciles));
    }

    @Test
    void theLatestRunsCardsComeBackWithNumbersThatScoreTheSame() {
        ModelStore store = new S3ModelStore(s3, BUCKET);
        TenantId tenant = TenantId.of("demo");
        ModelCard first = published("2026-11-29T01:00:00Z");
        ModelCard second = published("2026-12-06T01:00:00Z");
        ModelCard lapse = ModelCard.untrained(ModelKind.LAPSE_RISK, "2026-12-06T01:00:00Z",
                Instant.parse("2026-12-06T01:00:00Z"), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7),
                "only 12 people in scope at 2026-09-07 (at least 200 are needed)");

        store.keep(tenant, List.of(first));
        store.keep(tenant, List.of(second, lapse));

        List<ModelCard> latest = store.latest(tenant);
        assertThat(latest).extracting(ModelCard::kind, ModelCard::version, ModelCard::published)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModelKind.DROPOUT_RISK, "2026-12-06T01:00:00Z", true),
                        org.assertj.core.groups.Tuple.tuple(ModelKind.LAPSE_RISK, "2026-12-06T01:00:00Z", false));
        assertThat(latest.get(1).reason()).contains("only 12 people");
        float[] row = new float[Features.count()];
        for (int i = 0; i < row.length; i++) {
            row[i] = i % 5;
        }
        assertThat(latest.get(0).model().model().probability(row)).isEqualTo(second.model().model().probability(row));
        assertThat(latest.get(0).model().deciles().decile(0.42)).isEqualTo(8);
        assertThat(latest.get(0).evaluation()).isEqualTo(second.evaluation());
        // Both runs are kept under their versions.
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("predictions/demo/models/")).contents())
                .extracting(o -> o.key()).containsExactlyInAnyOrder("predictions/demo/models/2026-11-29T01-00-00Z.json",
                        "predictions/demo/models/2026-12-06T01-00-00Z.json", "predictions/demo/models/latest.json");
    }

    @Test
    void anOrganisationNeverTrainedHasNoCardsAndNoScoring() {
        ModelStore store = new S3ModelStore(s3, BUCKET);
        assertThat(store.latest(TenantId.of("never"))).isEmpty();
        assertThat(store.lastScoring(TenantId.of("never"))).isEmpty();
        store.scored(TenantId.of("scored"), new ModelStore.ScoringSummary(Instant.parse("2026-12-07T02:30:00Z"),
                "2026-12-06T01:00:00Z", 5000, 740, 12));
        assertThat(store.lastScoring(TenantId.of("scored")).orElseThrow().scored()).isEqualTo(740);
        assertThat(store.lastScoring(TenantId.of("demo-other"))).isEmpty();
    }
}
