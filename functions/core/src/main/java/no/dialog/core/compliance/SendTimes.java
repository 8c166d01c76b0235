package no.dialog.core.compliance;

import java.time.Instant;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.Tenant;

/**
 * When a message on a channel may go: SMS and chat within the organisation's {@link QuietHours},
 * telemarketing within the {@link TelemarketingWindow}; other channels any time. One rule for the
 * journey engine (which waits at the step) and the sender (which checks again at send time).
 */
public final class SendTimes {

    private SendTimes() {}

    /** @return {@code now} if a message may go now, else the first instant it may */
    public static Instant earliest(SendSettings settings, SendChannel channel, Instant now) {
        switch (channel) {
            case SMS:
            case CHAT:
                return settings.quietHours().isAllowed(now) ? now : settings.quietHours().nextAllowed(now);
            case TELEMARKETING:
                return TelemarketingWindow.isOpen(now) ? now : TelemarketingWindow.nextOpening(now);
            default:
                return now;
        }
    }

    public static Instant earliest(Tenant tenant, SendChannel channel, Instant now) {
        return earliest(SendSettings.of(tenant), channel, now);
    }
}
