package no.dialog.local.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.dialog.local.template.QueueSpec;

/**
 * Orders queues so every dead-letter queue comes before the queues that redrive to it: a queue's
 * {@code RedrivePolicy} needs the dead-letter queue's ARN, which exists only once that queue does.
 */
final class DeadLetterFirstOrder {

    private DeadLetterFirstOrder() {
    }

    static List<QueueSpec> order(List<QueueSpec> queues) {
        Map<String, QueueSpec> byId = new LinkedHashMap<>();
        queues.forEach(queue -> byId.put(queue.logicalId(), queue));
        List<QueueSpec> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (QueueSpec queue : queues) {
            visit(queue, byId, done, new LinkedHashSet<>(), ordered);
        }
        return ordered;
    }

    private static void visit(QueueSpec queue, Map<String, QueueSpec> byId, Set<String> done, Set<String> path,
                              List<QueueSpec> ordered) {
        if (done.contains(queue.logicalId())) {
            return;
        }
        if (!path.add(queue.logicalId())) {
            throw new ProvisioningException("Queues redrive to each other in a circle: " + path
                    + "; a dead-letter queue must not redrive back");
        }
        if (queue.redrive() != null) {
            String deadLetterQueue = queue.redrive().deadLetterQueueLogicalId();
            QueueSpec target = byId.get(deadLetterQueue);
            if (target == null) {
                throw new ProvisioningException("Queue " + queue.logicalId() + " redrives to " + deadLetterQueue
                        + ", which is not a queue of this stack");
            }
            visit(target, byId, done, path, ordered);
        }
        path.remove(queue.logicalId());
        done.add(queue.logicalId());
        ordered.add(queue);
    }
}
