package no.dialog.aws.snapstart;

import jakarta.inject.Singleton;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateRenderer;

/**
 * Warms the message templates' engine (Pebble, as core configures it): compiles one text and one HTML template
 * into a renderer of its own, so the shared compiled-template cache holds nothing from priming.
 */
@Singleton
public class TemplatePrimer implements Primer {

    @Override
    public void prime() {
        TemplateRenderer renderer = new TemplateRenderer(2);
        renderer.fieldsUsed(new MessageTemplate("priming-sms", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! {% if link %}{{ link }}{% endif %}"));
        renderer.fieldsUsed(new MessageTemplate("priming-email", SendChannel.EMAIL, "nb", "Hei {{ firstName }}",
                "<p>Hei {{ firstName }}, {{ organisation }}</p>"));
    }
}
