package no.dialog.core.run;

import java.time.Clock;
import java.util.Objects;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.messaging.PermanentFailure;
import no.dialog.core.send.ChannelDelivery;
import no.dialog.core.send.DeliveryReceipt;
import no.dialog.core.send.OutgoingMessage;
import no.dialog.core.time.OsloTime;
import no.dialog.core.tenant.TenantId;

/**
 * The {@link ChannelDelivery} of the channels that produce files per run (letters, print files,
 * telemarketing call lists): instead of calling a provider, it stages the person's item in the day's run
 * ({@link RunStore#stage}); the run closer writes the files later. The receipt's provider id is the run id,
 * so the send ledger says which run (and so which file) a message went out in.
 */
public final class RunDelivery implements ChannelDelivery<RunItem> {

    private final SendChannel channel;
    private final RunItemFields fields;
    private final RunStore runs;
    private final Clock clock;

    public RunDelivery(SendChannel channel, RunItemFields fields, RunStore runs, Clock clock) {
        this.channel = Objects.requireNonNull(channel);
        this.fields = Objects.requireNonNull(fields);
        this.runs = Objects.requireNonNull(runs);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SendChannel channel() {
        return channel;
    }

    @Override
    public RunItem prepare(OutgoingMessage message) {
        SendRequest request = message.request();
        if (request.journeyId() == null || request.stepId() == null || request.version() < 1) {
            throw new PermanentFailure("a " + channel.jsonName() + " send request needs journeyId, version and stepId");
        }
        try {
            RunIds.of(request.journeyId(), request.version(), request.stepId(), OsloTime.today(clock), 1);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(e.getMessage());
        }
        return new RunItem(TenantId.of(request.tenant()), channel, request.journeyId(), request.version(),
                request.stepId(), OsloTime.today(clock), request.idempotencyKey(), request.contactId(),
                fields.fields(message));
    }

    @Override
    public DeliveryReceipt deliver(RunItem item) {
        RunRef run = runs.stage(item, clock.instant());
        return new DeliveryReceipt(run.runId(), 1);
    }
}
