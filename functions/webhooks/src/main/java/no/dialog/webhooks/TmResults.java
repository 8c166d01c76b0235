package no.dialog.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Channel;
import no.dialog.core.enrolment.ResponsePublisher;
import no.dialog.core.journey.Signal;
import no.dialog.core.optout.OptOut;
import no.dialog.core.optout.OptOuts;
import no.dialog.core.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/tm/{tenant}}: call results from Dialog Norge, as one JSON result, a JSON array or
 * a CSV file ({@code Content-Type: text/csv}, UTF-8, header row). The contract is
 * docs/providers/dialog-norge-tm.md. Everything is validated before anything happens: one bad row
 * refuses the whole request (400, with its line or item and the reason), so a file is never half taken.
 * Each known row becomes {@code tm-outcome} with {@code outcome} and, for gifts and new regular donors,
 * {@code amountOre}; {@code no-more-calls} also withdraws the person's phone consent.
 * {@code agentNote} is accepted and dropped: free text about a person is not kept.
 */
@Singleton
class TmResults {

    static final int MAX_CSV_BYTES = 5_000_000;
    static final int MAX_ROWS = 10_000;
    static final Set<String> OUTCOMES = Set.of("not-reached", "said-no", "gift", "regular-donor", "membership",
            "no-more-calls");
    private static final Set<String> WITH_AMOUNT = Set.of("gift", "regular-donor");
    private static final List<String> REQUIRED_COLUMNS = List.of("refId", "outcome", "calledAt");
    private static final Logger LOG = LoggerFactory.getLogger(TmResults.class);

    record Result(String refId, String contactId, String outcome, Long amountOre, Instant calledAt) {}

    private final SentMessages sent;
    private final ResponsePublisher responses;
    private final OptOuts optOuts;

    TmResults(SentMessages sent, ResponsePublisher responses, OptOuts optOuts) {
        this.sent = sent;
        this.responses = responses;
        this.optOuts = optOuts;
    }

    WebhookReply handle(TenantId tenant, WebhookRequest request) {
        List<Result> results = request.mediaType().equals("text/csv") ? fromCsv(request) : fromJson(request);
        List<Signal> signals = new ArrayList<>();
        List<OptOut> noMoreCalls = new ArrayList<>();
        int unknown = 0;
        for (Result result : results) {
            Optional<SentMessages.Sent> message = sent.find(tenant, result.refId());
            if (message.isEmpty()) {
                unknown++;
                LOG.info("TM result for an unknown call-list entry");
                continue;
            }
            SentMessages.Sent m = message.get();
            if (result.contactId() != null && !result.contactId().equals(m.contactId())) {
                // Checked before anything is published: a mismatch means the file is not what it claims.
                throw new BadRequest("result for refId " + result.refId() + ": contactId does not match the call list");
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("outcome", result.outcome());
            if (result.amountOre() != null) {
                attributes.put("amountOre", Long.toString(result.amountOre()));
            }
            signals.add(new Signal("tm:" + result.refId() + ":" + result.outcome(), "tm-outcome", m.contactId(),
                    result.calledAt(), attributes, m.journeyId(), m.enrolmentId()));
            if (result.outcome().equals("no-more-calls")) {
                noMoreCalls.add(new OptOut(m.contactId(), Channel.PHONE, "tm-result", OptOut.NO_MORE_CALLS,
                        result.calledAt(), "tm:" + result.refId()));
            }
        }
        noMoreCalls.forEach(optOut -> optOuts.record(tenant, optOut));
        responses.publish(tenant, signals);
        return WebhookReply.json(200, WebhookReply.object().put("received", results.size())
                .put("published", signals.size()).put("unknown", unknown));
    }

    private List<Result> fromJson(WebhookRequest request) {
        List<JsonNode> items = Payloads.objects(Payloads.json(request));
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String where = items.size() == 1 ? "" : "item " + i + ": ";
            JsonNode amount = item.get("amount");
            results.add(result(Payloads.text(item, "refId", where), Payloads.optionalText(item, "contactId"),
                    Payloads.text(item, "outcome", where),
                    amount == null || amount.isNull() ? null : amount.asText(), Payloads.text(item, "calledAt", where),
                    where));
        }
        return results;
    }

    private List<Result> fromCsv(WebhookRequest request) {
        if (request.body().length > MAX_CSV_BYTES) {
            throw new BadRequest("the file is larger than " + MAX_CSV_BYTES + " bytes");
        }
        List<CsvRows.Row> rows = CsvRows.read(request.bodyText());
        if (rows.isEmpty()) {
            throw new BadRequest("the file is empty: a header row is required");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new BadRequest("more than " + MAX_ROWS + " rows in one file");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw new BadRequest("line 1: the header has no column " + required);
            }
        }
        List<Result> results = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            String where = "line " + row.line() + ": ";
            if (row.fields().size() != header.size()) {
                throw new BadRequest(where + "has " + row.fields().size() + " fields, the header has " + header.size());
            }
            results.add(result(cell(row, columns, "refId"), blankToNull(cell(row, columns, "contactId")),
                    cell(row, columns, "outcome"), blankToNull(cell(row, columns, "amount")),
                    cell(row, columns, "calledAt"), where));
        }
        return results;
    }

    private static String cell(CsvRows.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null ? "" : row.fields().get(index).strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Result result(String refId, String contactId, String outcome, String amount, String calledAt,
            String where) {
        if (refId.isBlank()) {
            throw new BadRequest(where + "refId is missing");
        }
        String normalised = outcome.strip().toLowerCase(Locale.ROOT);
        if (!OUTCOMES.contains(normalised)) {
            throw new BadRequest(where + "outcome must be one of not-reached, said-no, gift, regular-donor, "
                    + "membership, no-more-calls");
        }
        Long amountOre = null;
        if (WITH_AMOUNT.contains(normalised)) {
            if (amount == null) {
                throw new BadRequest(where + "amount is required for " + normalised);
            }
            amountOre = ore(amount, where);
        } else if (amount != null) {
            throw new BadRequest(where + "amount is only for gift and regular-donor");
        }
        if (calledAt.isBlank()) {
            throw new BadRequest(where + "calledAt is missing");
        }
        return new Result(refId, contactId, normalised, amountOre, Payloads.instant(calledAt, where + "calledAt"));
    }

    /** Amounts are NOK with at most two decimals and a point ("250", "250.50"); kept as øre. */
    static long ore(String amount, String where) {
        if (!amount.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            throw new BadRequest(where + "amount must be NOK with a point and at most two decimals, e.g. 250 or 250.50");
        }
        long ore = new BigDecimal(amount).movePointRight(2).longValueExact();
        if (ore == 0) {
            throw new BadRequest(where + "amount must be more than 0");
        }
        return ore;
    }
}
