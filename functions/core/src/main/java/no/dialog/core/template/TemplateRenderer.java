package no.dialog.core.template;

import io.pebbletemplates.pebble.error.PebbleException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import no.dialog.core.contact.Contact;
import no.dialog.core.template.ChannelEscapeFilter.Escaping;

/**
 * Renders a message template for one person, per channel:
 * <ul>
 *   <li>SMS, chat, letter, print, telemarketing, newsletter (whose body is a list id): plain {@code text},
 *       no escaping; SMS and chat also get {@code smsParts}.</li>
 *   <li>E-mail: {@code html} is the staff-written HTML body with every merge value
 *       HTML-escaped; {@code text} is derived from that HTML (tags stripped, entities decoded);
 *       {@code subject} is rendered as plain text on one line.</li>
 * </ul>
 * A merge value is output as text and never evaluated as template syntax. Templates are checked and
 * compiled once per distinct source (see {@link TemplateDefinitions} for the rules).
 * <pre>{@code
 * RenderedMessage sms = renderer.render(template, MergeFields.of(contact, context));
 * }</pre>
 * Thread-safe.
 */
public final class TemplateRenderer {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n\\u2028\\u2029]+\\s*");

    private final TemplateCompiler compiler;

    /** Shares one compiled-template cache with every other default renderer in the JVM. */
    public TemplateRenderer() {
        this(TemplateCompiler.shared());
    }

    /** A renderer with its own cache of at most {@code cacheSize} compiled templates. */
    public TemplateRenderer(int cacheSize) {
        this(new TemplateCompiler(cacheSize));
    }

    TemplateRenderer(TemplateCompiler compiler) {
        this.compiler = compiler;
    }

    public RenderedMessage render(MessageTemplate template, Contact contact, MessageContext context) {
        return render(template, MergeFields.of(contact, context));
    }

    /**
     * @throws TemplateRenderingException if the template does not pass {@link TemplateDefinitions}'s
     *         checks or fails while rendering (for example a number filter given text)
     */
    public RenderedMessage render(MessageTemplate template, MergeFields fields) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(fields, "fields");
        if (ChannelFormats.isHtml(template.channel())) {
            String html = render(template, "body", template.body(), fields, Escaping.HTML);
            String subject = template.subject() == null ? null : oneLine(
                    render(template, "subject", template.subject(), fields, Escaping.NONE));
            return new RenderedMessage(template.channel(), subject, HtmlText.toText(html), html, null);
        }
        String text = render(template, "body", template.body(), fields, Escaping.NONE).strip();
        SmsParts parts = ChannelFormats.countsSmsParts(template.channel()) ? SmsParts.of(text) : null;
        return new RenderedMessage(template.channel(), null, text, null, parts);
    }

    /**
     * The merge fields the template's body and subject use, for example to mint a landing link only
     * when {@code link} is used.
     */
    public Set<String> fieldsUsed(MessageTemplate template) {
        Set<String> fields = new LinkedHashSet<>(compiled(template, "body", template.body()).fieldsUsed());
        if (template.subject() != null && ChannelFormats.isHtml(template.channel())) {
            fields.addAll(compiled(template, "subject", template.subject()).fieldsUsed());
        }
        return fields;
    }

    private String render(MessageTemplate template, String part, String source, MergeFields fields,
                          Escaping escaping) {
        CompiledTemplate compiled = compiled(template, part, source);
        try {
            return compiled.render(fields, escaping);
        } catch (PebbleException e) {
            // Pebble's own message can quote values (e.g. a number that did not parse): leave it out.
            Integer line = e.getLineNumber();
            throw new TemplateRenderingException("template '" + template.id() + "' " + part
                    + " failed to render" + (line != null && line > 0 ? " at line " + line : "")
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private CompiledTemplate compiled(MessageTemplate template, String part, String source) {
        TemplateCompiler.Compilation compilation = compiler.compile(source);
        if (!compilation.ok()) {
            throw new TemplateRenderingException("template '" + template.id() + "' " + part + " is invalid: "
                    + String.join("; ", compilation.problems()));
        }
        return compilation.template();
    }

    private static String oneLine(String text) {
        return LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
    }
}
