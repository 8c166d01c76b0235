package no.dialog.core.predicted;

import java.util.Optional;
import no.dialog.core.contact.Channel;

/**
 * The models Dialog trains for each organisation, on its own data. Each gives a probability (0..1) per person
 * and a decile (1 = lowest tenth, 10 = highest), read in segments as {@code predicted.<field>} and
 * {@code predicted.<field>Decile}.
 */
public enum ModelKind {
    /** A regular giver's agreement stops, fails or lapses in the next 90 days. */
    DROPOUT_RISK("dropoutRisk", null, "Risiko for å slutte som fast giver", "Regular-giver dropout risk"),
    /** A member does not renew at the next renewal. */
    LAPSE_RISK("lapseRisk", null, "Risiko for å ikke fornye medlemskapet", "Member lapse risk"),
    /** A goal response to an SMS. */
    RESPONSE_SMS("responseSms", Channel.SMS, "Sannsynlighet for svar på SMS", "Response propensity: SMS"),
    /** A goal response to an e-mail. */
    RESPONSE_EMAIL("responseEmail", Channel.EMAIL, "Sannsynlighet for svar på e-post", "Response propensity: e-mail"),
    /** A goal response to a letter. */
    RESPONSE_LETTER("responseLetter", Channel.POST, "Sannsynlighet for svar på brev", "Response propensity: letter"),
    /** A goal response to a telemarketing call. */
    RESPONSE_CALL("responseCall", Channel.PHONE, "Sannsynlighet for svar på telefon", "Response propensity: call");

    private final String field;
    private final Channel channel;
    private final String labelNb;
    private final String labelEn;

    ModelKind(String field, Channel channel, String labelNb, String labelEn) {
        this.field = field;
        this.channel = channel;
        this.labelNb = labelNb;
        this.labelEn = labelEn;
    }

    /** The name in JSON, S3 keys and segment fields: {@code dropoutRisk}, {@code responseSms}. */
    public String field() {
        return field;
    }

    /** The channel a response model is about; empty for the risk models. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }

    public String labelNb() {
        return labelNb;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<ModelKind> fromField(String field) {
        for (ModelKind kind : values()) {
            if (kind.field.equals(field)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
