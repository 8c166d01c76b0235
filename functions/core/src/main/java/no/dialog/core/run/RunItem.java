package no.dialog.core.run;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.tenant.TenantId;

/**
 * One person's part of a run, as staged when the send passed {@code OnceSender}: what the run's files need
 * for them, already rendered, so the file is written from what the person was sent even if the template
 * changes later.
 *
 * @param key    the send request's idempotency key; one item per key, so redelivery adds nothing
 * @param day    the Oslo date of the send, which picks the run
 * @param fields the values the channel's files need (see {@code LetterItems}, {@code PrintItems},
 *               {@code CallListItems}), by name
 */
public record RunItem(TenantId tenant, SendChannel channel, String journeyId, int version, String stepId,
                      LocalDate day, String key, String contactId, Map<String, String> fields) {

    public RunItem {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contactId, "contactId");
        fields = Map.copyOf(fields);
    }

    /** The field, or the empty string when the item has none. */
    public String field(String name) {
        return fields.getOrDefault(name, "");
    }
}
