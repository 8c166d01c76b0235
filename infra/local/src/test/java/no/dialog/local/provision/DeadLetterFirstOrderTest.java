package no.dialog.local.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.dialog.local.template.QueueSpec;
import org.junit.jupiter.api.Test;

class DeadLetterFirstOrderTest {

    @Test
    void deadLetterQueuesComeBeforeTheQueuesThatUseThem() {
        List<QueueSpec> ordered = DeadLetterFirstOrder.order(List.of(
                queue("Work", "WorkDlq"), queue("Other", null), queue("WorkDlq", "Parking"), queue("Parking", null)));
        assertThat(ordered).extracting(QueueSpec::logicalId).containsExactly("Parking", "WorkDlq", "Work", "Other");
    }

    @Test
    void missingAndCircularDeadLetterQueuesAreReported() {
        assertThatThrownBy(() -> DeadLetterFirstOrder.order(List.of(queue("Work", "Gone"))))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("Queue Work redrives to Gone, which is not a queue of this stack");
        assertThatThrownBy(() -> DeadLetterFirstOrder.order(List.of(queue("A", "B"), queue("B", "A"))))
                .hasMessageContaining("redrive to each other in a circle: [A, B]");
    }

    private static QueueSpec queue(String id, String deadLetterQueue) {
        return new QueueSpec(id, id.toLowerCase(), 30, 345_600, 0, false, false,
                deadLetterQueue == null ? null : new QueueSpec.Redrive(deadLetterQueue, 3));
    }
}
