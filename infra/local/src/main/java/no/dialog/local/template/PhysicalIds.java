package no.dialog.local.template;

import java.util.Optional;

/**
 * What {@code Ref} and {@code Fn::GetAtt} of a resource mean in a running stack: its physical name, URL
 * or ARN. The template alone cannot say (a queue's URL exists only once the queue does), so the local
 * stack supplies this; see {@code no.dialog.local.provision.LocalResources}.
 *
 * <p>Return empty when the value is not known (the resolver then reports where it was needed).
 */
public interface PhysicalIds {

    /** What {@code Ref: logicalId} resolves to, e.g. a table's name or a queue's URL. */
    Optional<String> ref(String logicalId);

    /** What {@code Fn::GetAtt: [logicalId, attribute]} resolves to, e.g. a queue's {@code Arn}. */
    Optional<String> getAtt(String logicalId, String attribute);

    /** Knows nothing: every resource reference fails. Useful for templates that only use parameters. */
    PhysicalIds NONE = new PhysicalIds() {
        @Override
        public Optional<String> ref(String logicalId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> getAtt(String logicalId, String attribute) {
            return Optional.empty();
        }
    };
}
