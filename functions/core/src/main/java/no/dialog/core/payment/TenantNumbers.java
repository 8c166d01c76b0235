package no.dialog.core.payment;

import java.util.Optional;
import no.dialog.core.tenant.TenantId;

/**
 * Port: small numbers, local to a tenant, that stand for a contact or a journey step where only digits
 * fit (a KID, an OCR line). A number, once given, always means the same contact or step, and the same
 * contact or step always gets the same number; numbers start at 1. The reverse lookups are what an OCR
 * file reader uses to find who paid for what.
 */
public interface TenantNumbers {

    /** The contact's number, given now if it has none. */
    long contactNumber(TenantId tenant, String contactId);

    /** The step's number (journey, version and step together), given now if it has none. */
    long stepNumber(TenantId tenant, String journeyId, int version, String stepId);

    Optional<String> contactId(TenantId tenant, long contactNumber);

    /** The step a number stands for, as {@code journeyId}, {@code version}, {@code stepId}. */
    Optional<StepRef> step(TenantId tenant, long stepNumber);

    /** A journey step, as numbered by {@link #stepNumber}. */
    record StepRef(String journeyId, int version, String stepId) {}
}
