package no.dialog.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyHead;
import no.dialog.core.journey.JourneyStatus;
import no.dialog.core.journey.JourneyStore;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Step;
import no.dialog.core.tenant.TenantId;

/**
 * Which running journeys would send a template on which channel. A template they need must not be
 * deleted or moved to another channel, or their sends would fail. Running means ACTIVE or PAUSED, and
 * every version that has been active counts: people finish on the version they started.
 */
@Singleton
public class TemplateUsage {

    private static final Set<JourneyStatus> RUNNING = EnumSet.of(JourneyStatus.ACTIVE, JourneyStatus.PAUSED);

    /** One running journey that sends the template on {@code channel} (as a step's channel or fallback). */
    record Use(String journeyId, SendChannel channel) {}

    private final JourneyStore journeys;

    public TemplateUsage(JourneyStore journeys) {
        this.journeys = journeys;
    }

    /**
     * Every use of {@code templateId} by the tenant's running journeys. Reads each running journey's
     * active versions: a handful of journeys with a few versions each.
     */
    List<Use> uses(TenantId tenant, String templateId) {
        List<Use> uses = new ArrayList<>();
        for (JourneyHead head : journeys.list(tenant)) {
            if (!RUNNING.contains(head.status())) {
                continue;
            }
            Set<SendChannel> channels = EnumSet.noneOf(SendChannel.class);
            for (int version = 1; version <= head.activeVersion(); version++) {
                definition(tenant, head.journeyId(), version)
                        .ifPresent(definition -> channels.addAll(channelsOf(definition, templateId)));
            }
            channels.forEach(channel -> uses.add(new Use(head.journeyId(), channel)));
        }
        return uses;
    }

    private Optional<JourneyDefinition> definition(TenantId tenant, String journeyId, int version) {
        Optional<JsonNode> stored = journeys.version(tenant, journeyId, version);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(stored.get());
        return parsed.ok() ? Optional.of(parsed.definition()) : Optional.empty();
    }

    private static Set<SendChannel> channelsOf(JourneyDefinition definition, String templateId) {
        Set<SendChannel> channels = EnumSet.noneOf(SendChannel.class);
        for (Step step : definition.steps().values()) {
            if (!(step instanceof Step.Send send)) {
                continue;
            }
            for (Step.Variant variant : send.variants()) {
                if (templateId.equals(variant.templateId())) {
                    if (send.channel() != null) {
                        channels.add(send.channel());
                    }
                    if (send.fallback() != null) {
                        channels.add(send.fallback());
                    }
                }
            }
        }
        return channels;
    }
}
