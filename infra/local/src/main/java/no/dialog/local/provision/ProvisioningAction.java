package no.dialog.local.provision;

/**
 * One thing the provisioner did (or found already done), so a run can be logged and a second run shown
 * to change nothing.
 *
 * @param logicalId    the resource's logical id
 * @param physicalName its table, queue or bucket name
 * @param outcome      what happened
 * @param detail       what exactly, e.g. {@code created index byTenantShard}
 */
public record ProvisioningAction(String logicalId, String physicalName, Outcome outcome, String detail) {

    /** What happened to a resource. */
    public enum Outcome {
        /** It did not exist and was created. */
        CREATED,
        /** It existed and was changed to match the template. */
        UPDATED,
        /** It existed and already matched the template. */
        UNCHANGED
    }

    @Override
    public String toString() {
        return outcome + " " + logicalId + " (" + physicalName + "): " + detail;
    }
}
