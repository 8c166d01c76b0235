package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What a Vipps sandbox operation answers, and the webhooks it causes (sent after the answer). */
record VippsOutcome(int status, JsonNode body, List<VippsEvent> events) {

    static VippsOutcome of(int status, JsonNode body) {
        return new VippsOutcome(status, body, List.of());
    }
}
