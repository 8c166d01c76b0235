package no.dialog.sendsms;

import java.util.List;
import java.util.function.Supplier;
import no.dialog.core.send.DeliveryOutcome;
import no.dialog.core.send.SmsGateway;
import no.dialog.core.send.SmsMessage;
import no.dialog.core.send.SmsReceipt;

/**
 * The LINK gateway made with the password's current value ({@code SecretValues.derived}): each call goes to the
 * gateway of the value in force, so a new password reaches a running instance within the secrets' TTL.
 */
final class CurrentSmsGateway implements SmsGateway {

    private final Supplier<SmsGateway> current;

    CurrentSmsGateway(Supplier<SmsGateway> current) {
        this.current = current;
    }

    @Override
    public SmsReceipt send(SmsMessage message) {
        return current.get().send(message);
    }

    @Override
    public List<DeliveryOutcome> sendBatch(List<SmsMessage> messages) {
        return current.get().sendBatch(messages);
    }
}
