package no.dialog.local.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Donations API's payment report of one merchant, in memory: gifts made "in the app" (to the
 * organisation's Vipps number), added with {@code POST /local/vipps/app-gift}. Pages are oldest first by
 * {@code capturedAt}; each gift's {@code capturedAt} is strictly later than the one before (the local clock
 * can stand still in tests), so paging by "captured after the last one I saw" never skips or repeats a gift.
 * Thread-safe.
 */
final class VippsDonationsReport {

    static final int MAX_PAGE = 1_000;
    private static final Pattern NORWEGIAN_LOCAL = Pattern.compile("[2-9][0-9]{7}");
    private static final Pattern MSISDN = Pattern.compile("[1-9][0-9]{6,14}");

    private final Clock clock;
    private final List<ObjectNode> gifts = new ArrayList<>();
    private Instant last = Instant.EPOCH;
    private long next = 1;

    VippsDonationsReport(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds a gift at the local clock's time.
     *
     * @param phone Norwegian 8 digits, or with country code, with or without {@code +} (stored as Vipps
     *              gives it: country code and number, no {@code +}, e.g. {@code 4791234567})
     */
    synchronized ObjectNode add(String phone, String name, long amountOre, String message) {
        String msisdn = msisdn(phone);
        if (name == null || name.isBlank()) {
            throw VippsProblem.badRequest("name", "is required");
        }
        if (amountOre <= 0) {
            throw VippsProblem.badRequest("amountOre", "must be a whole number of øre above 0");
        }
        Instant now = clock.instant();
        Instant capturedAt = now.isAfter(last) ? now : last.plusMillis(1);
        last = capturedAt;
        ObjectNode gift = SandboxHttp.JSON.createObjectNode();
        gift.put("reference", "app-" + Long.toString(capturedAt.toEpochMilli(), 36) + "-" + next++);
        gift.put("payerName", name.strip());
        gift.put("payerPhone", msisdn);
        gift.set("amount", VippsEPayments.money(amountOre));
        gift.put("capturedAt", capturedAt.toString());
        if (message == null || message.isBlank()) {
            gift.putNull("message");
        } else {
            gift.put("message", message.strip());
        }
        gifts.add(gift);
        return gift.deepCopy();
    }

    /** Gifts captured after {@code capturedAfter} (exclusive), oldest first, at most {@code pageSize}. */
    synchronized ObjectNode page(Instant capturedAfter, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw VippsProblem.badRequest("pageSize", "must be 1-" + MAX_PAGE);
        }
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        boolean more = false;
        for (ObjectNode gift : gifts) {
            if (!Instant.parse(gift.get("capturedAt").asText()).isAfter(capturedAfter)) {
                continue;
            }
            if (items.size() == pageSize) {
                more = true;
                break;
            }
            items.add(gift.deepCopy());
        }
        answer.put("hasMore", more);
        return answer;
    }

    static String msisdn(String phone) {
        String digits = phone == null ? "" : phone.replace(" ", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        } else if (NORWEGIAN_LOCAL.matcher(digits).matches()) {
            digits = "47" + digits;
        }
        if (!MSISDN.matcher(digits).matches()) {
            throw VippsProblem.badRequest("phone", "must be a phone number: 8 Norwegian digits or +country code and"
                    + " number");
        }
        return digits;
    }
}
