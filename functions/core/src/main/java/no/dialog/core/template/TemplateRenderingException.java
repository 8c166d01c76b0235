package no.dialog.core.template;

/**
 * A template could not be rendered. The message names the template id and what went wrong in terms of
 * the template (a rule, a line number), never a merge value, so it is safe to log.
 */
public class TemplateRenderingException extends RuntimeException {

    public TemplateRenderingException(String message) {
        super(message);
    }

    public TemplateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
