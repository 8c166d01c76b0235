package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.payment.match.MatchReason;
import no.dialog.core.payment.match.MatchSuggestion;
import no.dialog.core.payment.match.PaymentMatches;

/**
 * The JSON of payments without a KID. The payer (name, phone, account) and the payer's message are shown:
 * they are what staff match on. Nothing else about a person: a confirmation names the contact by its id
 * only. None of it is logged.
 */
final class PaymentMatchViews {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PaymentMatchViews() {}

    static ObjectNode list(List<PaymentMatches.Review> reviews) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode items = body.putArray("payments");
        reviews.forEach(review -> items.add(review(review)));
        return body;
    }

    static ObjectNode review(PaymentMatches.Review review) {
        ObjectNode node = payment(review.payment());
        ArrayNode suggestions = node.putArray("suggestions");
        for (MatchSuggestion suggestion : review.suggestions()) {
            ObjectNode item = suggestions.addObject().put("journeyId", suggestion.journeyId())
                    .put("confidence", Math.round(suggestion.confidence() * 1000) / 1000.0);
            ArrayNode reasons = item.putArray("reasons");
            for (MatchReason reason : suggestion.reasons()) {
                reasons.addObject().put("code", reason.code()).put("text", reason.text())
                        .put("weight", Math.round(reason.weight() * 1000) / 1000.0);
            }
        }
        return node;
    }

    static ObjectNode payment(UnmatchedPayment payment) {
        ObjectNode node = MAPPER.createObjectNode()
                .put("paymentId", payment.paymentId())
                .put("source", payment.source().jsonName())
                .put("reference", payment.reference())
                .put("kind", payment.kind() == null ? null : payment.kind().jsonName())
                .put("amountOre", payment.amountOre())
                .put("receivedAt", payment.receivedAt().toString());
        Payer payer = payment.payer();
        node.putObject("payer").put("name", payer.name()).put("phone", payer.phone()).put("account", payer.account());
        node.put("message", payment.message()).put("status", payment.status()).put("journeyId", payment.journeyId());
        return node;
    }

    static ObjectNode confirmation(PaymentMatches.Confirmation confirmation) {
        ObjectNode node = payment(confirmation.payment());
        RegisteredPayment registered = confirmation.registered();
        node.putObject("registered")
                .put("paymentId", registered.paymentId())
                .put("contactId", registered.contactId())
                .put("giverCandidate", registered.candidate())
                .put("journeyId", registered.attribution() == null ? null : registered.attribution().journeyId())
                .put("identification", confirmation.identification().name());
        return node;
    }
}
