package no.dialog.core.journey;

import java.util.List;
import no.dialog.core.contact.Problem;

/**
 * The checks before a journey may be activated: every step reachable from the start, no edge to a
 * missing step, loops only through a wait, a template for every send step's channel and variant, a
 * goal. Each problem names the step ({@code steps.remind}).
 */
public final class JourneyValidation {

    /** Answers whether a template with this id exists for this channel in the tenant. */
    public interface Templates {
        boolean exists(String templateId, SendChannel channel);
    }

    private JourneyValidation() {}

    public static List<Problem> forActivation(JourneyDefinition definition, Templates templates) {
        throw new UnsupportedOperationException("not built yet");
    }
}
