package no.dialog.core.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.results.PriceList;

/**
 * What people cost who go all the way through a journey without responding (every timeout taken, every branch's
 * {@code otherwise}): the most a person costs, since a response ends the journey early. Priced from the tenant's
 * price list ({@code prices.<channel>} in the settings, øre per the channel's unit, as results price them): an SMS
 * per part (the parts of the text rendered for a sample person), e-mail and newsletters per thousand messages,
 * letters and print per item, telemarketing per call, chat per conversation. Because e-mail is priced per
 * thousand, the exact figure is per thousand people; the per-person figure is that rounded to whole øre.
 *
 * @param lines               per channel the journey sends on
 * @param perThousandPeopleOre the sum of the priced lines for a thousand people
 * @param missingPrices       channels the journey uses that the price list leaves out (not in the sums)
 */
public record CostEstimate(List<Line> lines, long perThousandPeopleOre, List<SendChannel> missingPrices) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int THOUSAND = 1000;

    public CostEstimate {
        lines = List.copyOf(lines);
        missingPrices = List.copyOf(missingPrices);
    }

    /** Per person, rounded half up to whole øre. */
    public long perPersonOre() {
        return (perThousandPeopleOre + THOUSAND / 2) / THOUSAND;
    }

    /**
     * One channel: the sends to one person, the units they are priced in (SMS parts; otherwise the sends), and
     * the unit price (null when the tenant set none).
     */
    public record Line(SendChannel channel, int sends, int units, Long unitPriceOre) {

        /** What the price is per: part, thousand, item, call or conversation ({@link PriceList#unit}). */
        public String unit() {
            return PriceList.unit(channel);
        }

        /** A thousand people's sends at the unit price, priced as results price them ({@link PriceList#cost}). */
        public long costPerThousandPeopleOre() {
            if (unitPriceOre == null) {
                return 0;
            }
            long units = Math.multiplyExact((long) this.units, THOUSAND);
            return new PriceList(java.util.Map.of(channel, unitPriceOre)).cost(channel, units, units);
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        var channels = json.putArray("channels");
        for (Line line : lines) {
            ObjectNode l = channels.addObject().put("channel", line.channel().jsonName()).put("sends", line.sends())
                    .put("units", line.units()).put("unit", line.unit());
            if (line.unitPriceOre() == null) {
                l.putNull("unitPriceOre").putNull("costPerThousandPeopleOre");
            } else {
                l.put("unitPriceOre", line.unitPriceOre()).put("costPerThousandPeopleOre", line.costPerThousandPeopleOre());
            }
        }
        json.put("perPersonOre", perPersonOre()).put("perThousandPeopleOre", perThousandPeopleOre);
        var missing = json.putArray("missingPrices");
        missingPrices.forEach(c -> missing.add(c.jsonName()));
        return json;
    }
}
