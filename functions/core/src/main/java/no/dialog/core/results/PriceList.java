package no.dialog.core.results;

import java.util.EnumMap;
import java.util.Map;
import no.dialog.core.journey.SendChannel;

/**
 * What the organisation pays its providers, per channel, in øre per the channel's unit, as its settings give
 * it ({@code prices.<channel>}). The unit is the one the provider charges by:
 * <ul>
 *   <li>SMS: per part (LINK charges each 153/160-character part; the parts recorded when LINK took it);</li>
 *   <li>e-mail and newsletter: per thousand messages;</li>
 *   <li>letter and print: per item (21Grams charges a fixed price per letter);</li>
 *   <li>telemarketing: per call on the call list;</li>
 *   <li>chat: per conversation (one per message sent, as LINK Conversations starts one).</li>
 * </ul>
 * A channel without a price costs nothing in results (and they say the price is missing).
 */
public record PriceList(Map<SendChannel, Long> ore) {

    public static final PriceList NONE = new PriceList(Map.of());

    public PriceList {
        ore = ore.isEmpty() ? Map.of() : new EnumMap<>(ore);
    }

    public boolean has(SendChannel channel) {
        return ore.containsKey(channel);
    }

    /** The unit a channel's price is per, as results and the API describe it. */
    public static String unit(SendChannel channel) {
        return switch (channel) {
            case SMS -> "part";
            case EMAIL, NEWSLETTER -> "thousand";
            case LETTER, PRINT -> "item";
            case TELEMARKETING -> "call";
            case CHAT -> "conversation";
        };
    }

    /**
     * The cost in øre of what a row counted on {@code channel}: SMS by the parts sent, e-mail and newsletters
     * per thousand (rounded half up to whole øre), the others per message sent.
     */
    public long cost(SendChannel channel, long sent, long smsParts) {
        Long price = ore.get(channel);
        if (price == null) {
            return 0;
        }
        return switch (channel) {
            case SMS -> Math.multiplyExact(smsParts, price);
            case EMAIL, NEWSLETTER -> (Math.multiplyExact(sent, price) + 500) / 1000;
            default -> Math.multiplyExact(sent, price);
        };
    }
}
