package no.dialog.local.template;

/**
 * A custom EventBridge bus.
 *
 * @param logicalId the key under {@code Resources}
 * @param name      the resolved bus name
 */
public record EventBusSpec(String logicalId, String name) {
}
