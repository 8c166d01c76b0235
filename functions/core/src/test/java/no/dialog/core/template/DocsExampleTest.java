package no.dialog.core.template;

import static no.dialog.core.template.TemplateContacts.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.SmsParts.Encoding;
import org.junit.jupiter.api.Test;

/** The examples in docs/templates.md, so the documentation cannot drift from the code. */
class DocsExampleTest {

    private final TemplateRenderer renderer = new TemplateRenderer(8);

    @Test
    void theEmailExampleRendersAsDocumented() throws Exception {
        TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(new ObjectMapper().readTree(
                "{\"id\":\"thanks-gift\",\"channel\":\"email\",\"language\":\"nb\","
                        + "\"subject\":\"Tusen takk, {{ firstName | default('venn') }}!\","
                        + "\"body\":\"<p>Hei {{ fullName }},</p><p>Takk for gaven på {{ amount }}. I år har du gitt "
                        + "{{ sum12Months }}.</p>{% if link %}<p><a href=\\\"{{ link }}\\\">Fortell oss hva du bryr deg "
                        + "om</a></p>{% endif %}<p>Hilsen {{ organisation }}</p>\"}"));
        assertThat(parsed.problems()).isEmpty();
        Contact kari = new Contact("c", Instant.EPOCH, "Kari", "<b>Nordmann", null, null, null, null, List.of(),
                new DonorFacts(false, null, null, null, null, 125_000L, null), List.of(), List.of(), List.of(),
                Map.of(), null, Map.of());
        String link = LandingLinks.PREFIX + "abcdefghijklmnopqrstuv";
        RenderedMessage out = renderer.render(parsed.template(), kari,
                new MessageContext("Naturvernforbundet", link, null, 25_000L, TODAY));
        assertThat(out.subject()).isEqualTo("Tusen takk, Kari!");
        assertThat(out.html()).isEqualTo("<p>Hei Kari &lt;b&gt;Nordmann,</p><p>Takk for gaven på 250 kr. I år har du "
                + "gitt 1 250 kr.</p><p><a href=\"" + link + "\">Fortell oss hva du bryr deg om</a></p>"
                + "<p>Hilsen Naturvernforbundet</p>");
        assertThat(out.text()).isEqualTo("Hei Kari <b>Nordmann,\nTakk for gaven på 250 kr. I år har du gitt 1 250 kr.\n"
                + "Fortell oss hva du bryr deg om\nHilsen Naturvernforbundet");
    }

    @Test
    void theSmsExamplePreviewsAsDocumented() {
        MessageTemplate sms = new MessageTemplate("thanks-sms", SendChannel.SMS, "nb", null,
                "Hei {{ firstName }}! Takk for {{ amount }}. Les mer: {{ link }}");
        RenderedMessage shown = new TemplatePreview(renderer).sample(sms, "Naturvernforbundet", "Takk", TODAY);
        assertThat(shown.text()).isEqualTo("Hei Kari! Takk for 250 kr. Les mer: https://dlg.no/p/xxxxxxxxxxxxxxxxxxxxxx");
        assertThat(shown.smsParts()).isEqualTo(new SmsParts(Encoding.GSM7, 75, 1));
    }
}
