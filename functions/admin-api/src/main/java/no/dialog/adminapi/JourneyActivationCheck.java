package no.dialog.adminapi;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyValidation;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Trigger;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateStore;
import no.dialog.core.tenant.TenantId;

/**
 * Whether a definition may become the running version of a journey: core's
 * {@link JourneyValidation#forActivation} against the tenant's templates (a template counts for a step
 * when it exists with that id and is written for that channel), and the trigger's segment must exist.
 * Used on activate, on resume, and on an edit of an active journey (which goes live at once).
 */
@Singleton
public class JourneyActivationCheck {

    static final String ERROR = "journey cannot be activated";

    private final TemplateStore templates;
    private final SegmentStore segments;

    public JourneyActivationCheck(TemplateStore templates, SegmentStore segments) {
        this.templates = templates;
        this.segments = segments;
    }

    /** Every reason the definition cannot run; empty when it can. */
    List<Problem> problems(TenantId tenant, JourneyDefinition definition) {
        // One query for all of the tenant's templates instead of a read per send step and variant.
        Map<String, SendChannel> channels = new HashMap<>();
        for (MessageTemplate template : templates.list(tenant)) {
            channels.put(template.id(), template.channel());
        }
        List<Problem> problems = new ArrayList<>(JourneyValidation.forActivation(definition,
                (templateId, channel) -> channel != null && channel == channels.get(templateId)));
        String segmentId = segmentOf(definition.trigger());
        if (segmentId != null && (!SegmentIds.isValid(segmentId) || segments.find(tenant, segmentId).isEmpty())) {
            problems.add(new Problem("trigger.segmentId", "names no segment"));
        }
        return problems;
    }

    private static String segmentOf(Trigger trigger) {
        if (trigger instanceof Trigger.Campaign campaign) {
            return campaign.segmentId();
        }
        if (trigger instanceof Trigger.Recurring recurring) {
            return recurring.segmentId();
        }
        return null;
    }
}
