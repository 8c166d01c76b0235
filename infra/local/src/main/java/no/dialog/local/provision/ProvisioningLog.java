package no.dialog.local.provision;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects what the provisioner does and logs changes; unchanged resources are only logged at debug level. */
final class ProvisioningLog {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProvisioner.class);

    private final List<ProvisioningAction> actions = new ArrayList<>();

    void created(String logicalId, String physicalName, String detail) {
        add(new ProvisioningAction(logicalId, physicalName, ProvisioningAction.Outcome.CREATED, detail));
    }

    void updated(String logicalId, String physicalName, String detail) {
        add(new ProvisioningAction(logicalId, physicalName, ProvisioningAction.Outcome.UPDATED, detail));
    }

    void unchanged(String logicalId, String physicalName, String detail) {
        add(new ProvisioningAction(logicalId, physicalName, ProvisioningAction.Outcome.UNCHANGED, detail));
    }

    List<ProvisioningAction> actions() {
        return List.copyOf(actions);
    }

    private void add(ProvisioningAction action) {
        actions.add(action);
        if (action.outcome() == ProvisioningAction.Outcome.UNCHANGED) {
            LOG.debug("{}", action);
        } else {
            LOG.info("{}", action);
        }
    }
}
