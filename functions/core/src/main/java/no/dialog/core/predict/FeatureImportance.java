package no.dialog.core.predict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What staff see of a model: its strongest features and which way each pushes the probability. The model's
 * weights act on standardised features, so a weight is the change in log-odds for one standard deviation of the
 * feature, and weights of different features can be compared.
 *
 * @param weight    the standardised weight (log-odds per standard deviation)
 * @param direction {@code raises} or {@code lowers} the probability as the feature grows
 */
public record FeatureImportance(String feature, String descriptionNb, String descriptionEn, double weight,
                                String direction) {

    /** The {@code limit} features with the largest absolute weight, largest first. */
    public static List<FeatureImportance> top(LinearModel model, int limit) {
        List<FeatureImportance> all = new ArrayList<>();
        List<Features.Feature> registry = Features.all();
        for (int i = 0; i < model.weights().length; i++) {
            double w = model.weights()[i] * model.plattA();
            if (w == 0) {
                continue;
            }
            String name = model.features().get(i);
            Features.Feature known = registry.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElse(new Features.Feature(name, name, name));
            all.add(new FeatureImportance(name, known.descriptionNb(), known.descriptionEn(), w,
                    w > 0 ? "raises" : "lowers"));
        }
        all.sort(Comparator.comparingDouble((FeatureImportance f) -> -Math.abs(f.weight())));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
