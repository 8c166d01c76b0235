package no.dialog.core.send;

import java.util.Objects;

/**
 * The provider took a subscription.
 *
 * @param subscriberId the provider's id of the subscriber (an opaque number at Make)
 * @param sync         what it changed
 */
public record ListSyncResult(String subscriberId, ListSync sync) {

    public ListSyncResult {
        Objects.requireNonNull(sync, "sync");
    }
}
