package no.dialog.local.template;

/**
 * A template that cannot be read or resolved: a YAML error, a dangling reference, a value of the wrong
 * shape. The message always names where in the template the problem is (for example
 * {@code Resources.SyncFunction.Properties.Environment.Variables.CONTACTS_TABLE}), because the person
 * reading it has to find and fix that line.
 */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
