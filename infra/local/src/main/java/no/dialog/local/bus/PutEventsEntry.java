package no.dialog.local.bus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One event to put on a bus: the local twin of the AWS SDK's {@code PutEventsRequestEntry}.
 *
 * <p>Fields may be missing ({@code null}), just as in an AWS request: {@link LocalEventBus#putEvents}
 * checks them the way EventBridge does and reports a bad entry as a failed entry, not an
 * exception.
 *
 * @param source       who sent it, e.g. {@code org.system} or {@code dialog.landing}
 * @param detailType   what happened, e.g. {@code ContactChanged}
 * @param detail       the event body: a JSON object, as text
 * @param eventBusName bus name or ARN; {@code null} means the {@code default} bus
 * @param resources    ARNs the event is about; usually empty
 * @param time         when it happened; {@code null} means "now" on the local clock
 */
public record PutEventsEntry(String source, String detailType, String detail, String eventBusName,
                             List<String> resources, Instant time) {

    public PutEventsEntry {
        resources = resources == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(resources));
    }

    /** An entry for the default bus, stamped with the local clock's time. */
    public static PutEventsEntry of(String source, String detailType, String detail) {
        return new PutEventsEntry(source, detailType, detail, null, List.of(), null);
    }

    /** The same entry, for the named bus (a name such as {@code dialog-dev}, or its ARN). */
    public PutEventsEntry onBus(String busNameOrArn) {
        return new PutEventsEntry(source, detailType, detail, busNameOrArn, resources, time);
    }

    /** The same entry, with the event's own time instead of "now". */
    public PutEventsEntry at(Instant eventTime) {
        return new PutEventsEntry(source, detailType, detail, eventBusName, resources, eventTime);
    }

    /** The same entry, about these resources (ARNs). */
    public PutEventsEntry withResources(List<String> resourceArns) {
        return new PutEventsEntry(source, detailType, detail, eventBusName, resourceArns, time);
    }
}
