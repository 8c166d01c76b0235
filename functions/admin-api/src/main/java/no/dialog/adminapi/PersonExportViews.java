package no.dialog.adminapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.privacy.export.PersonExport;
import no.dialog.core.privacy.export.TimelineEvent;
import no.dialog.core.segment.ContactHistory;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendKeys;

/**
 * The JSON of a person's export and timeline (docs/openapi.yaml {@code PersonExport}, {@code TimelineEvent}).
 * Every list is written, empty or not, so the document shows that a store was asked and held nothing. Sealed
 * values are named and masked, never shown.
 */
final class PersonExportViews {

    /** What a held sealed value shows instead of itself. */
    static final String SEALED_MASK = "*** sealed ***";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Said in every export: where Dialog does not hold what a reader might expect it to. */
    private static final String[] NOTES = {
        "Message texts and recipient addresses are not kept by Dialog: a message is rendered from its template and the"
                + " contact at send time and handed to the provider. The send ledger keeps channel, state and times;"
                + " letters, print and call-list lines are in runItems with the run and files they went in.",
        "Consents are kept with their source and time; the wording shown when a consent was given is not stored.",
        "Sealed national identity numbers are listed as held (submission, question, time), never shown.",
        "Open unmatched payments that may come from this person are not listed: they are found by staff, not by person.",
        "Vipps payments started from a landing page (and recurring agreements) are listed once paid, under payments;"
                + " the start itself is kept by its reference, not by person.",
        "Run files are named with their key in the exports bucket, not included; segment snapshots and import files"
                + " hold copies of the register record shown under contact, and expire by lifecycle."
    };

    private final ContactJson contacts;

    PersonExportViews(Clock clock) {
        this.contacts = new ContactJson(clock);
    }

    ObjectNode export(PersonExport export) {
        ObjectNode body = MAPPER.createObjectNode().put("contactId", export.contactId())
                .put("tenant", export.tenant().value()).put("madeAt", export.madeAt().toString());
        time(body, "deletedAt", export.deletedAt());
        time(body, "erasedAt", export.erasedAt());
        if (export.contact() == null) {
            body.putNull("contact");
        } else {
            body.set("contact", contacts.toTree(export.contact()));
        }
        ArrayNode messages = body.putArray("messages");
        export.messages().forEach(message -> message(messages.addObject(), message));
        ArrayNode runItems = body.putArray("runItems");
        export.runItems().forEach(item -> runItem(runItems.addObject(), item));
        ArrayNode links = body.putArray("landingLinks");
        export.links().forEach(link -> link(links.addObject(), link));
        ArrayNode enrolments = body.putArray("enrolments");
        export.enrolments().forEach(enrolment -> enrolment(enrolments.addObject(), enrolment));
        behaviour(body.putObject("behaviour"), export.behaviour());
        ArrayNode caps = body.putArray("frequencyCaps");
        export.frequencyCaps().forEach(cap -> {
            ObjectNode node = caps.addObject().put("channel", cap.channel());
            ArrayNode sends = node.putArray("sends");
            new TreeMap<>(cap.sends()).forEach((key, at) -> sends.addObject().put("key", key).put("at", at.toString()));
        });
        ArrayNode payments = body.putArray("payments");
        export.payments().forEach(payment -> payment(payments.addObject(), payment));
        ArrayNode unmatched = body.putArray("unmatchedPayments");
        export.unmatchedPayments().forEach(payment -> unmatched(unmatched.addObject(), payment));
        ArrayNode candidates = body.putArray("giverCandidates");
        export.giverCandidates().forEach(candidate -> {
            ObjectNode node = candidates.addObject().put("candidateId", candidate.candidateId())
                    .put("phone", candidate.phone()).put("name", candidate.name())
                    .put("createdAt", candidate.createdAt().toString());
            candidate.matches().forEach(node.putArray("matches")::add);
        });
        ArrayNode segments = body.putArray("segments");
        export.segments().forEach(s -> segments.addObject().put("segmentId", s.segmentId()).put("name", s.name()));
        ArrayNode predictions = body.putArray("predictions");
        export.prediction().scores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> predictions.addObject().put("model", e.getKey().field())
                        .put("probability", e.getValue().probability()).put("decile", e.getValue().decile()));
        export.prediction().bestChannel().ifPresent(c -> body.put("bestChannel", c.jsonName()));
        export.prediction().bestHour().ifPresent(h -> body.put("bestHour", h));
        body.put("predictionsNote", PersonExport.PREDICTIONS_NOTE);
        ArrayNode notes = body.putArray("notes");
        if (!export.isErased()) {
            for (String note : NOTES) {
                notes.add(note);
            }
        } else {
            notes.add("The person was erased: Dialog keeps only this tombstone, so that late register events cannot"
                    + " bring them back.");
        }
        return body;
    }

    static ObjectNode event(ObjectNode node, TimelineEvent event) {
        node.put("at", event.at().toString()).put("kind", event.kind());
        if (event.channel() != null) {
            node.put("channel", event.channel());
        }
        if (event.journeyId() != null) {
            node.put("journeyId", event.journeyId());
        }
        return node.put("summary", event.summary());
    }

    private static void message(ObjectNode node, LedgerEntry message) {
        node.put("key", message.key()).put("channel", message.channel()).put("state", message.state().name())
                .put("createdAt", message.createdAt().toString()).put("updatedAt", message.updatedAt().toString())
                .put("journeyId", SendKeys.parse(message.key()).flatMap(SendKeys.SendKey::journeyId).orElse(null))
                .put("providerMessageId", message.providerMessageId()).put("parts", message.parts())
                .put("reason", message.reason()).put("attempts", message.attempts());
    }

    private static void runItem(ObjectNode node, PersonExport.StagedRunItem item) {
        node.put("runId", item.runId()).put("channel", item.channel()).put("journeyId", item.journeyId())
                .put("version", item.version()).put("stepId", item.stepId()).put("day", item.day().toString())
                .put("key", item.key()).put("stagedAt", item.stagedAt().toString()).put("runStatus", item.runStatus());
        ArrayNode files = node.putArray("files");
        item.files().forEach(file -> files.addObject().put("name", file.name()).put("key", file.key()));
        ObjectNode fields = node.putObject("fields");
        new TreeMap<>(item.fields()).forEach(fields::put);
    }

    private static void link(ObjectNode node, PersonExport.LinkRecord link) {
        node.put("journeyId", link.journeyId()).put("version", link.version()).put("stepId", link.stepId())
                .put("enrolmentId", link.enrolmentId()).put("expiresAt", link.expiresAt().toString());
        time(node, "firstUsedAt", link.firstUsedAt());
        link.submissions().forEach(node.putArray("submissions")::add);
        ArrayNode sealed = node.putArray("sealed");
        link.sealed().forEach(value -> {
            ObjectNode held = sealed.addObject().put("submissionId", value.submissionId())
                    .put("question", value.question()).put("held", true).put("value", SEALED_MASK);
            time(held, "at", link.firstUsedAt());
        });
    }

    private static void enrolment(ObjectNode node, Enrolment e) {
        node.put("enrolmentId", e.enrolmentId()).put("journeyId", e.journeyId()).put("version", e.version())
                .put("state", e.state().name()).put("stepId", e.stepId());
        time(node, "enrolledAt", e.enrolledAt());
        time(node, "dueAt", e.dueAt());
        time(node, "goalDeadline", e.goalDeadline());
        time(node, "goalReachedAt", e.goalReachedAt());
        node.put("exitReason", e.exitReason());
        strings(node.putObject("choices"), e.choices());
        ObjectNode visits = node.putObject("visits");
        new TreeMap<>(e.visits()).forEach(visits::put);
        ArrayNode received = node.putArray("received");
        for (Enrolment.ReceivedSignal signal : e.received()) {
            ObjectNode s = received.addObject().put("type", signal.type());
            time(s, "at", signal.at());
            s.put("journeyId", signal.journeyId());
            strings(s.putObject("attributes"), signal.attributes());
        }
    }

    private static void behaviour(ObjectNode node, ContactHistory history) {
        history.inNow().stream().sorted().forEach(node.putArray("inNow")::add);
        history.goalReached().stream().sorted().forEach(node.putArray("goalReached")::add);
        history.sentSteps().stream().sorted().forEach(node.putArray("sentSteps")::add);
        ArrayNode answers = node.putArray("answers");
        history.answers().stream().sorted(java.util.Comparator.comparing(ContactHistory.Answer::journeyId)
                        .thenComparing(ContactHistory.Answer::question).thenComparing(ContactHistory.Answer::value))
                .forEach(a -> answers.addObject().put("journeyId", a.journeyId()).put("question", a.question())
                        .put("value", a.value()));
        history.opened().stream().sorted().forEach(node.putArray("opened")::add);
        history.clicked().stream().sorted().forEach(node.putArray("clicked")::add);
    }

    private static void payment(ObjectNode node, RegisteredPayment payment) {
        node.put("paymentId", payment.paymentId()).put("kind", payment.kind().jsonName())
                .put("source", payment.source().jsonName()).put("amountOre", payment.amountOre())
                .put("receivedAt", payment.receivedAt().toString()).put("reference", payment.reference())
                .put("giverCandidate", payment.candidate());
        Attribution a = payment.attribution();
        if (a == null) {
            node.putNull("journey");
        } else {
            node.putObject("journey").put("journeyId", a.journeyId()).put("version", a.version())
                    .put("stepId", a.stepId()).put("variant", a.variant());
        }
    }

    private static void unmatched(ObjectNode node, UnmatchedPayment payment) {
        node.put("paymentId", payment.paymentId()).put("source", payment.source().jsonName())
                .put("reference", payment.reference()).put("kind", payment.kind() == null ? null : payment.kind().jsonName())
                .put("amountOre", payment.amountOre()).put("receivedAt", payment.receivedAt().toString());
        node.putObject("payer").put("name", payment.payer().name()).put("phone", payment.payer().phone())
                .put("account", payment.payer().account());
        node.put("message", payment.message()).put("status", payment.status()).put("journeyId", payment.journeyId());
    }

    private static void strings(ObjectNode node, Map<String, String> values) {
        new TreeMap<>(values).forEach(node::put);
    }

    private static void time(ObjectNode node, String name, Instant at) {
        if (at == null) {
            node.putNull(name);
        } else {
            node.put(name, at.toString());
        }
    }
}
