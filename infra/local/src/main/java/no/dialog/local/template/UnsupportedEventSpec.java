package no.dialog.local.template;

/**
 * An event kind the local stack does not emulate (for example {@code S3} or {@code DynamoDB}); kept so the
 * local stack can say so instead of silently ignoring it.
 *
 * @param name the key under {@code Events}
 * @param type its {@code Type}
 */
public record UnsupportedEventSpec(String name, String type) implements FunctionEventSpec {
}
