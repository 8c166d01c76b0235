package no.dialog.core.template;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A checked, compiled template source and the merge fields it uses. Safe to share between threads. */
final class CompiledTemplate {

    private final PebbleTemplate template;
    private final Set<String> fieldsUsed;

    CompiledTemplate(PebbleTemplate template, Set<String> fieldsUsed) {
        this.template = template;
        this.fieldsUsed = Set.copyOf(fieldsUsed);
    }

    Set<String> fieldsUsed() {
        return fieldsUsed;
    }

    String render(MergeFields fields, ChannelEscapeFilter.Escaping escaping) {
        Map<String, Object> context = new HashMap<>(fields.values());
        context.put(ChannelEscapeFilter.ESCAPING_VARIABLE, escaping);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, context, TemplateCompiler.NORWEGIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
