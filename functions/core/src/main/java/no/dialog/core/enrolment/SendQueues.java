package no.dialog.core.enrolment;

import java.util.List;
import no.dialog.core.journey.SendChannel;

/** Port: the channel queues the senders read. */
public interface SendQueues {

    /** Whether a sender exists for the channel in this deployment. */
    boolean serves(SendChannel channel);

    /** Puts the requests on their channels' queues; every channel must be {@linkplain #serves served}. */
    void enqueue(List<SendRequest> requests);
}
