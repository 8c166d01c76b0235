package no.dialog.core.run;

import java.util.Map;
import no.dialog.core.send.OutgoingMessage;

/** What one channel's run files need of one message, as named text values (see {@link RunDelivery}). */
public interface RunItemFields {

    /**
     * @throws no.dialog.core.messaging.PermanentFailure the item can never be made (a missing setting)
     */
    Map<String, String> fields(OutgoingMessage message);
}
