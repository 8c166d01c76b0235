package no.dialog.core.enrolment;

import java.time.Instant;
import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: adds to a journey's result counters outside an enrolment write, for the happenings the senders and
 * the providers' reports see (sent, delivered, failed, opened, clicked). Callers add only after the
 * conditional write that makes the happening succeeded (the ledger took the state, the milestone was new),
 * so a redelivered request or report adds nothing. A crash between that write and this one loses the count,
 * never doubles it (ADR 0029). Counts fall on the day of {@code at} in Europe/Oslo.
 */
public interface ResultCounts {

    /** Counts nothing: for senders of messages that belong to no journey, and for tools. */
    ResultCounts NONE = (tenant, keys, at) -> { };

    /** Adds every key's {@code by} to its counter; keys of the same counter are summed into one write. */
    void add(TenantId tenant, List<ResultKey> keys, Instant at);
}
