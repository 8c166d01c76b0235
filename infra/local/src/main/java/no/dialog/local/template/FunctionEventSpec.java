package no.dialog.local.template;

/**
 * One entry under a serverless function's {@code Events}. The local stack emulates the kinds that have a
 * record here; others arrive as {@link UnsupportedEventSpec} so they are reported rather than dropped.
 */
public sealed interface FunctionEventSpec
        permits SqsEventSpec, HttpApiEventSpec, ScheduleEventSpec, EventBridgeRuleEventSpec, UnsupportedEventSpec {

    /** The event's key under {@code Events}, e.g. {@code Imports}. */
    String name();
}
