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
 * organisation's Vipps number), added with {@code POST /local/vipps/app-gift}. Entries have the fields Vipps
 * documents ({@code recipientHandle, paymentDateTimeUtc, amount} (øre), {@code currency, externalReference,
 * agreementId, pspReference, message, payer{name, phoneNumber}}); a page answers {@code {from, to, payments}}
 * for the gifts with {@code from <= paymentDateTimeUtc <= to}, oldest first, at most {@code pageSize}. Each
 * gift's time is strictly later than the one before (the local clock can stand still in tests), so paging
 * from the last time seen never skips a gift. Thread-safe.
 */
final class VippsDonationsReport {

    static final int MAX_PAGE = 1_000;
    private static final Pattern NORWEGIAN_LOCAL = Pattern.compile("[2-9][0-9]{7}");
    private static final Pattern MSISDN = Pattern.compile("[1-9][0-9]{6,14}");

    private final Clock clock;
    private final String msn;
    private final List<ObjectNode> gifts = new ArrayList<>();
    private Instant last = Instant.EPOCH;
    private long next = 1;

    VippsDonationsReport(Clock clock, String msn) {
        this.clock = clock;
        this.msn = msn;
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
        gift.put("recipientHandle", "NO:" + msn);
        gift.put("paymentDateTimeUtc", capturedAt.toString());
        gift.put("amount", amountOre);
        gift.put("currency", "NOK");
        gift.putNull("externalReference");
        gift.putNull("agreementId");
        gift.put("pspReference", String.format("9%09d", next++));
        if (message == null || message.isBlank()) {
            gift.putNull("message");
        } else {
            gift.put("message", message.strip());
        }
        gift.putObject("payer").put("name", name.strip()).put("phoneNumber", msisdn);
        gifts.add(gift);
        return gift.deepCopy();
    }

    /** Gifts with {@code from <= paymentDateTimeUtc <= to}, oldest first, at most {@code pageSize}. */
    synchronized ObjectNode page(Instant from, Instant to, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw VippsProblem.badRequest("pageSize", "must be 1-" + MAX_PAGE);
        }
        ObjectNode answer = SandboxHttp.JSON.createObjectNode();
        answer.put("from", from.toString());
        answer.put("to", to.toString());
        ArrayNode items = answer.putArray("payments");
        for (ObjectNode gift : gifts) {
            Instant at = Instant.parse(gift.get("paymentDateTimeUtc").asText());
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            if (items.size() == pageSize) {
                break;
            }
            items.add(gift.deepCopy());
        }
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
