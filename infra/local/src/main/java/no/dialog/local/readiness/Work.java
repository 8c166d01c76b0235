package no.dialog.local.readiness;

import java.time.Instant;

/**
 * One piece of long work the local stack can see going on (or just finished), for {@code /health} and the
 * console.
 *
 * @param kind    {@code import} (a contact file), {@code run} (letters, print file or call list being staged
 *                and closed), {@code snapshot} (a tenant's segment snapshot written)
 * @param tenant  whose
 * @param what    the file, run or snapshot
 * @param state   {@code running}, {@code completed}, {@code rejected}; {@code open}, {@code closing};
 *                {@code rebuilt}
 * @param percent how far, when it can be told; null otherwise
 * @param detail  one line for people, e.g. "2,000 lines read, 3 rejected"
 * @param at      when it started (imports, runs: the last staged send) or happened (snapshots), local clock
 */
public record Work(String kind, String tenant, String what, String state, Integer percent, String detail, Instant at) {}
