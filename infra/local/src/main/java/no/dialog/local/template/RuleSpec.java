package no.dialog.local.template;

import java.util.List;

/**
 * An EventBridge rule: an event pattern or a schedule, and where matching events go.
 *
 * @param logicalId          the key under {@code Resources}
 * @param ruleName           the rule's name
 * @param eventBusName       the bus it listens on ({@code default} if the template names none)
 * @param eventBusLogicalId  the bus's logical id when it is a bus in this template, else {@code null}
 * @param eventPatternJson   the event pattern as JSON text, or {@code null} for a schedule-only rule
 * @param scheduleExpression {@code rate(...)} or {@code cron(...)}, or {@code null}
 * @param enabled            whether the rule's {@code State} is enabled
 * @param targets            its targets
 */
public record RuleSpec(
        String logicalId,
        String ruleName,
        String eventBusName,
        String eventBusLogicalId,
        String eventPatternJson,
        String scheduleExpression,
        boolean enabled,
        List<Target> targets) {

    /**
     * One target of a rule.
     *
     * @param id              the target's {@code Id}
     * @param targetLogicalId the resource in this template it points at (for a SAM alias such as
     *                        {@code !Ref FnAliaslive}, the function), or {@code null} if it is outside
     * @param arn             the resolved target ARN
     * @param inputJson       {@code Input}: fixed JSON sent instead of the event, or {@code null}
     * @param inputPath       {@code InputPath}: a JSONPath selecting part of the event, or {@code null}
     */
    public record Target(String id, String targetLogicalId, String arn, String inputJson, String inputPath) {
    }
}
