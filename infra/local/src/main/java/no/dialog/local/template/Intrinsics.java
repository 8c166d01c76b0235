package no.dialog.local.template;

import java.util.Map;

/** Recognises intrinsic functions in their long form: a map with a single {@code Ref} or {@code Fn::*} key. */
final class Intrinsics {

    static final String REF = "Ref";
    static final String GET_ATT = "Fn::GetAtt";
    static final String SUB = "Fn::Sub";

    private Intrinsics() {
    }

    static boolean isIntrinsic(Object value) {
        return functionName(value) != null;
    }

    /** The function's name ({@code Ref}, {@code Fn::Sub}, ...), or {@code null} if the value is not one. */
    static String functionName(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1
                && map.keySet().iterator().next() instanceof String key
                && (key.equals(REF) || key.startsWith("Fn::"))) {
            return key;
        }
        return null;
    }

    static Object argument(Object value) {
        return ((Map<?, ?>) value).values().iterator().next();
    }
}
