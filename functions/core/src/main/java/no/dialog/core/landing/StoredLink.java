package no.dialog.core.landing;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A personal link as {@link LinkStore} keeps it.
 *
 * @param submissions the ids of the valid submissions made through it (each applied once)
 * @param firstUsedAt when the first valid submission was made, or null
 */
public record StoredLink(String linkId, int keyVersion, LinkBinding binding, Set<String> submissions,
                         Instant firstUsedAt) {

    public StoredLink {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(binding, "binding");
        submissions = submissions == null ? Set.of() : Set.copyOf(submissions);
    }
}
