package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.adminapi.StaffOnly.Access;
import no.dialog.core.predict.Evaluation;
import no.dialog.core.predict.FeatureImportance;
import no.dialog.core.predict.Features;
import no.dialog.core.predict.ModelCard;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predict.ModelStore;
import no.dialog.core.tenant.TenantId;

/**
 * What staff may know about the organisation's prediction models (issue 16, docs/predictions.md):
 * <ul>
 *   <li>{@code GET /admin/v1/predictions/models}: every model with its version, when it was trained, whether it is
 *       published (and if not, why), its evaluation out of time (AUC beside the baseline's, the reliability table,
 *       the largest calibration error, the sizes) and its strongest features with their direction; and the last
 *       nightly scoring, in counts;</li>
 *   <li>{@code GET /admin/v1/predictions/models/{model}}: one of them ({@code dropoutRisk}, {@code responseSms} ...);</li>
 *   <li>{@code GET /admin/v1/predictions/features}: the feature registry, everything a model may use.</li>
 * </ul>
 * Only figures, never a person: a person's own prediction shows in their export.
 */
@Controller("/admin/v1/predictions")
@Requires(beans = ModelStore.class)
public class PredictionsController {

    static final String PREDICTIONS = "predictions";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ModelStore models;

    public PredictionsController(ModelStore models) {
        this.models = models;
    }

    @Get("/models")
    @StaffOnly(value = Access.READ, what = PREDICTIONS)
    public HttpResponse<String> list(StaffIdentity staff) {
        TenantId tenant = staff.tenant();
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode list = body.putArray("models");
        Map<ModelKind, ModelCard> cards = cards(tenant);
        for (ModelKind kind : ModelKind.values()) {
            list.add(view(kind, Optional.ofNullable(cards.get(kind))));
        }
        models.lastScoring(tenant).ifPresentOrElse(s -> body.putObject("scores").put("scoredAt", s.scoredAt().toString())
                .put("modelsVersion", s.modelsVersion()).put("contacts", s.contacts()).put("scored", s.scored())
                .put("objected", s.objected()), () -> body.putNull("scores"));
        return SegmentViews.json(HttpStatus.OK, body);
    }

    @Get("/models/{model}")
    @StaffOnly(value = Access.READ, what = PREDICTIONS)
    public HttpResponse<String> one(@PathVariable String model, StaffIdentity staff) {
        Optional<ModelKind> kind = ModelKind.fromField(model);
        if (kind.isEmpty()) {
            return ApiErrors.of(HttpStatus.NOT_FOUND, "no such model: the models are " + String.join(", ",
                    java.util.Arrays.stream(ModelKind.values()).map(ModelKind::field).toList()));
        }
        return SegmentViews.json(HttpStatus.OK, view(kind.get(), Optional.ofNullable(cards(staff.tenant()).get(kind.get()))));
    }

    @Get("/features")
    @StaffOnly(value = Access.READ, what = PREDICTIONS)
    public HttpResponse<String> features(StaffIdentity staff) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode list = body.putArray("features");
        for (Features.Feature feature : Features.all()) {
            ObjectNode node = list.addObject().put("feature", feature.name());
            node.putObject("labels").put("nb", feature.descriptionNb()).put("en", feature.descriptionEn());
        }
        return SegmentViews.json(HttpStatus.OK, body);
    }

    private Map<ModelKind, ModelCard> cards(TenantId tenant) {
        Map<ModelKind, ModelCard> byKind = new EnumMap<>(ModelKind.class);
        models.latest(tenant).forEach(card -> byKind.put(card.kind(), card));
        return byKind;
    }

    private static ObjectNode view(ModelKind kind, Optional<ModelCard> card) {
        ObjectNode node = MAPPER.createObjectNode().put("model", kind.field());
        node.putObject("labels").put("nb", kind.labelNb()).put("en", kind.labelEn());
        node.putArray("segmentFields").add("predicted." + kind.field()).add("predicted." + kind.field() + "Decile");
        if (card.isEmpty()) {
            node.putNull("version").putNull("trainedAt").put("published", false)
                    .put("reason", "not trained yet: models are trained every Sunday at 02:00 (Oslo)")
                    .putNull("evaluation").putArray("topFeatures");
            return node;
        }
        ModelCard c = card.get();
        node.put("version", c.version()).put("trainedAt", c.trainedAt().toString())
                .put("trainedAsOf", c.trainedAsOf().toString()).put("testedAsOf", c.testedAsOf().toString())
                .put("published", c.published());
        if (c.reason() == null) {
            node.putNull("reason");
        } else {
            node.put("reason", c.reason());
        }
        if (c.evaluation() == null) {
            node.putNull("evaluation");
        } else {
            node.set("evaluation", evaluation(c.evaluation()));
        }
        if (c.published()) {
            ArrayNode cuts = node.putArray("decileCuts");
            for (double cut : c.model().deciles().cuts()) {
                cuts.add(cut);
            }
        }
        ArrayNode top = node.putArray("topFeatures");
        for (FeatureImportance f : c.topFeatures()) {
            ObjectNode feature = top.addObject().put("feature", f.feature()).put("direction", f.direction())
                    .put("weight", f.weight());
            feature.putObject("labels").put("nb", f.descriptionNb()).put("en", f.descriptionEn());
        }
        return node;
    }

    private static ObjectNode evaluation(Evaluation e) {
        ObjectNode node = MAPPER.createObjectNode();
        rate(node, "auc", e.auc());
        rate(node, "baselineAuc", e.baselineAuc());
        rate(node, "calibrationError", e.maxCalibrationError());
        node.put("trainingSize", e.trainingSize())
                .put("trainingPositives", e.trainingPositives()).put("testSize", e.testSize())
                .put("testPositives", e.testPositives());
        ArrayNode bins = node.putArray("reliability");
        List<Evaluation.Bin> reliability = e.reliability();
        for (Evaluation.Bin bin : reliability) {
            bins.addObject().put("decile", bin.decile()).put("predicted", bin.meanPredicted())
                    .put("observed", bin.observed()).put("count", bin.count());
        }
        return node;
    }

    /** A figure that is undefined (an AUC with one class missing) is null, never JSON's invalid NaN. */
    private static void rate(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
