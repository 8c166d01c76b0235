package no.dialog.core.segment;

import java.util.function.Consumer;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the ids of a tenant's contacts that match a criterion, streamed so memory stays bounded
 * whatever the register's size. Implementations differ in where they read contacts from.
 */
public interface SegmentMatches {

    /** Calls {@code sink} once per matching contact id; never concurrently. Returns the number of matches. */
    long forEachMatch(TenantId tenant, Criterion criterion, Consumer<String> sink);

    /** Like {@link #forEachMatch}, and says which view of the register the matches come from. */
    SegmentEvaluation evaluate(TenantId tenant, Criterion criterion, Consumer<String> sink);
}
