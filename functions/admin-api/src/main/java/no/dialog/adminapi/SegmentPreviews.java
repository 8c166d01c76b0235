package no.dialog.adminapi;

import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.Preview;
import no.dialog.core.tenant.TenantId;

/**
 * How many of a tenant's contacts match some criteria, with a small sample. One interface so that
 * where the contacts are read from (the table today, a snapshot later) is one class to swap.
 */
public interface SegmentPreviews {

    /** Sample size the admin UI shows. */
    int SAMPLE_SIZE = 10;

    Preview preview(TenantId tenant, Criterion criterion, int sampleSize);
}
