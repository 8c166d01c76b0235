package no.dialog.local.bus;

/**
 * Turns what a caller puts in {@code EventBusName} into a bus name: callers may give the
 * name ({@code dialog-dev}), the ARN ({@code arn:aws:events:eu-north-1:...:event-bus/dialog-dev})
 * or nothing (the {@code default} bus), as EventBridge allows.
 */
final class EventBusNames {

    static final String DEFAULT_BUS = "default";
    private static final String ARN_MARKER = ":event-bus/";

    private EventBusNames() {
    }

    static String resolve(String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return DEFAULT_BUS;
        }
        String trimmed = nameOrArn.trim();
        int marker = trimmed.indexOf(ARN_MARKER);
        if (trimmed.startsWith("arn:") && marker >= 0) {
            return trimmed.substring(marker + ARN_MARKER.length());
        }
        return trimmed;
    }
}
