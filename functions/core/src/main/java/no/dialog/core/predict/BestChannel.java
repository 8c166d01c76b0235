package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;

/**
 * The channel with the highest predicted response probability among those the person has consented to and can be
 * reached on ({@link Outcomes#reachable}: a phone number for SMS and calls, an e-mail address, a postal address
 * for letters). Empty when no response model is published or no channel is open.
 */
public final class BestChannel {

    private BestChannel() {}

    public static Optional<Channel> of(Contact contact, Map<ModelKind, Prediction.Score> scores) {
        Channel best = null;
        double bestProbability = -1;
        for (ModelKind kind : ModelKind.values()) {
            Prediction.Score score = scores.get(kind);
            if (score == null || kind.channel().isEmpty()) {
                continue;
            }
            Channel channel = kind.channel().get();
            if (Outcomes.reachable(contact, channel) && score.probability() > bestProbability) {
                best = channel;
                bestProbability = score.probability();
            }
        }
        return Optional.ofNullable(best);
    }
}
