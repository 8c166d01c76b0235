package no.dialog.local.template;

/**
 * A resource's physical name and ARN, as the local stack names it.
 *
 * @param logicalId    the key under {@code Resources}
 * @param type         the resource type
 * @param physicalName the name the resource has in the emulator (table name, queue name, bucket name, ...);
 *                     {@code local} for HTTP APIs
 * @param arn          its ARN
 */
public record NamedResource(String logicalId, String type, String physicalName, String arn) {
}
