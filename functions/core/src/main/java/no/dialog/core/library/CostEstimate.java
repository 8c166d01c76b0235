package no.dialog.core.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import no.dialog.core.journey.SendChannel;

/**
 * What one person costs who goes all the way through a journey without responding (every timeout taken, every
 * branch's {@code otherwise}): the most a person costs, since a response ends the journey early. Priced from the
 * tenant's price list ({@code prices.<channel>} in the settings, øre); an SMS costs its price per part times
 * the parts of the text rendered for a sample person.
 *
 * @param lines         per channel: sends, units (SMS parts; otherwise sends), the unit price (null when the
 *                      tenant set none) and the cost
 * @param totalOre      the sum of the priced lines
 * @param missingPrices channels the journey uses that the price list leaves out (not in the total)
 */
public record CostEstimate(List<Line> lines, long totalOre, List<SendChannel> missingPrices) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public CostEstimate {
        lines = List.copyOf(lines);
        missingPrices = List.copyOf(missingPrices);
    }

    public record Line(SendChannel channel, int sends, int units, Long unitPriceOre) {
        public long costOre() {
            return unitPriceOre == null ? 0 : unitPriceOre * units;
        }
    }

    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        var channels = json.putArray("channels");
        for (Line line : lines) {
            ObjectNode l = channels.addObject().put("channel", line.channel().jsonName()).put("sends", line.sends())
                    .put("units", line.units());
            if (line.unitPriceOre() == null) {
                l.putNull("unitPriceOre").putNull("costOre");
            } else {
                l.put("unitPriceOre", line.unitPriceOre()).put("costOre", line.costOre());
            }
        }
        json.put("perPersonOre", totalOre);
        missingPrices.forEach(c -> json.withArray("missingPrices").add(c.jsonName()));
        if (missingPrices.isEmpty()) {
            json.putArray("missingPrices");
        }
        return json;
    }
}
