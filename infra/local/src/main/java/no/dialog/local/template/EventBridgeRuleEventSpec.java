package no.dialog.local.template;

/**
 * An EventBridge rule SAM creates to call the function when an event matches.
 *
 * @param name              the key under {@code Events}
 * @param eventBusName      the bus ({@code default} when none is named)
 * @param eventBusLogicalId the bus's logical id when it is in this template, else {@code null}
 * @param patternJson       the event pattern as JSON text
 * @param inputJson         fixed input instead of the event, or {@code null}
 * @param inputPath         a JSONPath selecting part of the event, or {@code null}
 */
public record EventBridgeRuleEventSpec(
        String name, String eventBusName, String eventBusLogicalId, String patternJson, String inputJson,
        String inputPath) implements FunctionEventSpec {
}
