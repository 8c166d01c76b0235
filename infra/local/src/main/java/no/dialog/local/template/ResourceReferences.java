package no.dialog.local.template;

import java.util.List;
import java.util.Optional;

/**
 * Finds which resource a value points at without resolving it: {@code !Ref X}, {@code !GetAtt X.Arn} and
 * {@code !Sub ${X.Arn}} all point at {@code X}. The local stack wires resources by logical id (this queue
 * feeds that function), which is sturdier than comparing resolved ARNs.
 */
public final class ResourceReferences {

    private ResourceReferences() {
    }

    /** The logical id the value refers to, if it is a {@code Ref}, {@code Fn::GetAtt} or a one-variable {@code Fn::Sub}. */
    public static Optional<String> logicalIdOf(Object value) {
        String function = Intrinsics.functionName(value);
        if (function == null) {
            return Optional.empty();
        }
        Object argument = Intrinsics.argument(value);
        switch (function) {
            case Intrinsics.REF:
                return argument instanceof String name && !PseudoParameters.isPseudoParameter(name)
                        ? Optional.of(name) : Optional.empty();
            case Intrinsics.GET_ATT:
                if (argument instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof String id) {
                    return Optional.of(id);
                }
                if (argument instanceof String text && text.indexOf('.') > 0) {
                    return Optional.of(text.substring(0, text.indexOf('.')));
                }
                return Optional.empty();
            case Intrinsics.SUB:
                if (argument instanceof String text) {
                    List<SubstitutionString.Part> parts = SubstitutionString.parse(text).parts();
                    if (parts.size() == 1 && parts.get(0) instanceof SubstitutionString.Variable variable) {
                        String name = variable.name();
                        return Optional.of(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                    }
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
