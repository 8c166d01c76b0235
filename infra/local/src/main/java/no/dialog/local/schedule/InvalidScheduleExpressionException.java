package no.dialog.local.schedule;

/**
 * A schedule expression EventBridge would refuse. The message names the expression, says
 * what is wrong and shows a form that works.
 */
public final class InvalidScheduleExpressionException extends IllegalArgumentException {

    InvalidScheduleExpressionException(String expression, String reason) {
        super("Invalid schedule expression '" + expression + "': " + reason);
    }

    InvalidScheduleExpressionException(String expression, String reason, Throwable cause) {
        super("Invalid schedule expression '" + expression + "': " + reason, cause);
    }
}
