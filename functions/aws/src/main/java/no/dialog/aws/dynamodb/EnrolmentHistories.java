package no.dialog.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.dialog.core.journey.ContactHistories;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.segment.ContactHistory;

/**
 * The {@code hist} attribute of an enrolment item: the enrolment's behaviour summary in a few bytes,
 * e.g. {@code {"n":1,"g":1,"o":1,"c":1,"a":[["still-student","yes"]]}} (in the journey now, goal
 * reached, opened, clicked, answers as question/value pairs; absent keys are false or empty). The
 * journey is the item's own; sends are kept apart in {@code sent} because they are only ever added to.
 */
final class EnrolmentHistories {

    private EnrolmentHistories() {}

    static String hist(Enrolment enrolment) {
        ContactHistory history = ContactHistories.of(enrolment, List.of());
        ObjectNode node = EnrolmentItems.JSON.createObjectNode();
        flag(node, "n", !history.inNow().isEmpty());
        flag(node, "g", !history.goalReached().isEmpty());
        flag(node, "o", !history.opened().isEmpty());
        flag(node, "c", !history.clicked().isEmpty());
        if (!history.answers().isEmpty()) {
            ArrayNode answers = node.putArray("a");
            history.answers().stream()
                    .sorted((x, y) -> (x.question() + '\u0000' + x.value()).compareTo(y.question() + '\u0000' + y.value()))
                    .forEach(a -> answers.addArray().add(a.question()).add(a.value()));
        }
        return node.toString();
    }

    /** The history of one enrolment of {@code journeyId} from its {@code hist} and {@code sent} attributes. */
    static ContactHistory history(String journeyId, String hist, Collection<String> sentStepIds) {
        JsonNode node;
        try {
            node = hist == null ? EnrolmentItems.JSON.createObjectNode() : EnrolmentItems.JSON.readTree(hist);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored enrolment summary is not readable", e);
        }
        Set<String> journey = Set.of(journeyId);
        Set<ContactHistory.Answer> answers = new HashSet<>();
        for (JsonNode pair : node.path("a")) {
            answers.add(new ContactHistory.Answer(journeyId, pair.get(0).asText(), pair.get(1).asText()));
        }
        Set<String> sent = new HashSet<>();
        for (String stepId : sentStepIds) {
            sent.add(ContactHistory.stepKey(journeyId, stepId));
        }
        return new ContactHistory(has(node, "n") ? journey : Set.of(), has(node, "g") ? journey : Set.of(), sent,
                answers, has(node, "o") ? journey : Set.of(), has(node, "c") ? journey : Set.of());
    }

    private static void flag(ObjectNode node, String key, boolean set) {
        if (set) {
            node.put(key, 1);
        }
    }

    private static boolean has(JsonNode node, String key) {
        return node.path(key).asInt() == 1;
    }
}
