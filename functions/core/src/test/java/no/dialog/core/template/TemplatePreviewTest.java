package no.dialog.core.template;

import static no.dialog.core.template.TemplateContacts.TODAY;
import static no.dialog.core.template.TemplateContacts.context;
import static no.dialog.core.template.TemplateContacts.person;
import static org.assertj.core.api.Assertions.assertThat;

import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.SmsParts.Encoding;
import org.junit.jupiter.api.Test;

class TemplatePreviewTest {

    private final TemplatePreview preview = new TemplatePreview(new TemplateRenderer(8));

    private static final MessageTemplate ASK = new MessageTemplate("ask", SendChannel.SMS, "nb", null,
            "Hei {{ firstName }}! Som {{ membershipType }}-medlem i {{ organisation }}: gi {{ amount }}? "
                    + "{{ link }} Hilsen {{ journeyName }}. Sist ga du {{ lastGiftAmount }}, i år {{ sum12Months }}.");

    @Test
    void sampleShowsEveryFieldWithThePlaceholderLink() {
        RenderedMessage shown = preview.sample(ASK, "Naturvernforbundet", "Vårkampanje", TODAY);
        assertThat(shown.text()).isEqualTo("Hei Kari! Som ordinary-medlem i Naturvernforbundet: gi 250 kr? "
                + LandingLinks.PLACEHOLDER + " Hilsen Vårkampanje. Sist ga du 250 kr, i år 1 250 kr.");
        assertThat(shown.smsParts()).isEqualTo(SmsParts.of(shown.text()));
        assertThat(shown.smsParts().encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void aRealContactIsShownWithThePlaceholderEvenWhenALinkIsGiven() {
        RenderedMessage shown = preview.forContact(
                new MessageTemplate("t", SendChannel.SMS, "nb", null, "{{ firstName }} {{ link }}"),
                person("Åse", "N"), context("https://dlg.no/p/REALREALREALREALREALRE", null));
        assertThat(shown.text()).isEqualTo("Åse " + LandingLinks.PLACEHOLDER);
    }

    @Test
    void thePartCountOfAPreviewIsThatOfTheRealSend() {
        // 120 characters of text plus a 39-character link: 159 units, one part; 2 more characters make 2.
        MessageTemplate template = new MessageTemplate("t", SendChannel.SMS, "nb", null, "a".repeat(120) + "{{ link }}");
        String realLink = LandingLinks.PREFIX + "Zz0-_".repeat(4) + "ab";
        RenderedMessage previewed = preview.forContact(template, person("A", "B"), context(null, null));
        RenderedMessage sent = new TemplateRenderer(8).render(template, person("A", "B"), context(realLink, null));
        assertThat(previewed.smsParts()).isEqualTo(sent.smsParts()).isEqualTo(new SmsParts(Encoding.GSM7, 159, 1));
    }
}
