package no.dialog.core.template;

import static no.dialog.core.template.TemplateContacts.context;
import static no.dialog.core.template.TemplateContacts.full;
import static no.dialog.core.template.TemplateContacts.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.SmsParts.Encoding;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final String LINK = "https://dlg.no/p/AAAAAAAAAAAAAAAAAAAAAA";

    private final TemplateRenderer renderer = new TemplateRenderer(16);

    private static MessageTemplate sms(String body) {
        return new MessageTemplate("t", SendChannel.SMS, "nb", null, body);
    }

    private static MessageTemplate email(String subject, String body) {
        return new MessageTemplate("t", SendChannel.EMAIL, "nb", subject, body);
    }

    @Test
    void everyMergeFieldRenders() {
        String body = "{{ firstName }}|{{ lastName }}|{{ fullName }}|{{ organisation }}|{{ link }}|"
                + "{{ journeyName }}|{{ membershipType }}|{{ lastGiftAmount }}|{{ sum12Months }}|{{ amount }}|"
                + "{{ today }}|{{ attributes.kommune }}|{{ attributes['antallBarn'] }}";
        RenderedMessage out = renderer.render(new MessageTemplate("t", SendChannel.LETTER, "nb", null, body),
                full(), context(LINK, 25_000L));
        assertThat(out.text()).isEqualTo("Ola|Nordmann|Ola Nordmann|Naturvernforbundet|" + LINK
                + "|Vårkampanje|ordinary|99,50 kr|1 250 kr|250 kr|30.11.2026|Bergen|2");
        assertThat(out.channel()).isEqualTo(SendChannel.LETTER);
        assertThat(out.html()).isNull();
        assertThat(out.subject()).isNull();
        assertThat(out.smsParts()).as("only SMS and chat count parts").isNull();
    }

    @Test
    void unknownValuesRenderAsNothingAndCanBeTested() {
        String body = "Hei{% if firstName %} {{ firstName }}{% endif %}!{{ amount }}{{ attributes.missing }}"
                + "{{ membershipType | default('medlem') }}";
        RenderedMessage out = renderer.render(sms(body), person(null, null), context(null, null));
        assertThat(out.text()).isEqualTo("Hei!medlem");
    }

    @Test
    void smsIsPlainTextWithPartsAndNoEscaping() {
        RenderedMessage out = renderer.render(sms("Hei {{ firstName }} & takk! {{ link }}"),
                person("<script>alert(1)</script>", "N"), context(LINK, null));
        assertThat(out.text()).isEqualTo("Hei <script>alert(1)</script> & takk! " + LINK);
        assertThat(out.html()).isNull();
        assertThat(out.smsParts()).isEqualTo(SmsParts.of(out.text()));
        assertThat(out.smsParts().encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void chatCountsPartsLikeSms() {
        RenderedMessage out = renderer.render(new MessageTemplate("t", SendChannel.CHAT, "nb", null, "Hei 😀"),
                person("Ola", "N"), context(null, null));
        assertThat(out.smsParts().encoding()).isEqualTo(Encoding.UCS2);
    }

    @Test
    void emailEscapesMergeValuesButNotTheStaffsHtml() {
        RenderedMessage out = renderer.render(
                email("Hei {{ firstName }}", "<p>Hei <b>{{ firstName }}</b>!</p><p><a href=\"{{ link }}\">Svar</a></p>"),
                person("<script>alert('x')</script>", "N"), context(LINK, null));
        assertThat(out.html()).isEqualTo("<p>Hei <b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</b>!</p>"
                + "<p><a href=\"" + LINK + "\">Svar</a></p>");
        assertThat(out.subject()).as("subjects are plain text").isEqualTo("Hei <script>alert('x')</script>");
        assertThat(out.text()).as("text part: tags stripped, the name kept as written")
                .isEqualTo("Hei <script>alert('x')</script>!\nSvar");
        assertThat(out.smsParts()).isNull();
    }

    @Test
    void escapingAppliesAfterTheStaffsFilters() {
        RenderedMessage out = renderer.render(email("S", "{{ firstName | upper }} {{ firstName | abbreviate(5) }}"),
                person("a&bcdef", "N"), context(null, null));
        assertThat(out.html()).isEqualTo("A&amp;BCDEF a&amp;...");
    }

    @Test
    void escapingCannotBeSwitchedOffFromATemplate() {
        assertThatThrownBy(() -> renderer.render(email("S", "{{ firstName | raw }}"), person("a", "N"),
                context(null, null)))
                .isInstanceOf(TemplateRenderingException.class)
                .hasMessageContaining("filter 'raw' is not available (line 1)");
        assertThatThrownBy(() -> renderer.render(email("S", "{% autoescape false %}{{ firstName }}{% endautoescape %}"),
                person("a", "N"), context(null, null)))
                .isInstanceOf(TemplateRenderingException.class)
                .hasMessageContaining("only {% if %}");
    }

    @Test
    void conditionsTreatEmptyAndNullAsFalse() {
        String body = "{% if firstName and not lastName %}A{% elseif firstName or amount %}B{% else %}C{% endif %}"
                + "{% if attributes.kommune %}K{% endif %}{% if attributes.none %}N{% endif %}"
                + "{% if firstName == 'Ola' %}={% endif %}";
        assertThat(renderer.render(sms(body), person("Ola", null), context(null, null)).text()).isEqualTo("A=");
        assertThat(renderer.render(sms(body), person("Ola", "N"), context(null, null)).text()).isEqualTo("B=");
        assertThat(renderer.render(sms(body), person(" ", ""), context(null, null)).text()).isEqualTo("C");
        assertThat(renderer.render(sms(body), full(), context(null, 0L)).text()).isEqualTo("BK=");
        assertThat(renderer.render(sms("{% if attributes.antallBarn > 1 %}barn{% endif %}"), full(), context(null, null))
                .text()).as("numeric attributes compare as numbers").isEqualTo("barn");
        assertThat(renderer.render(sms("{% if attributes.kommune contains 'erg' %}ja{% endif %}"), full(),
                context(null, null)).text()).isEqualTo("ja");
    }

    @Test
    void aNewsletterTemplateRendersItsListIdAsPlainText() {
        RenderedMessage out = renderer.render(new MessageTemplate("t", SendChannel.NEWSLETTER, "nb", null, " 1466\n"),
                person("Å<", "N"), context(null, null));
        assertThat(out.text()).isEqualTo("1466");
        assertThat(out.html()).isNull();
        assertThat(out.smsParts()).isNull();
    }

    @Test
    void aSubjectNeverHoldsALineBreakEvenFromAMergeValue() {
        RenderedMessage out = renderer.render(email("Hei {{ firstName }}!", "x"),
                person("Ola\r\nBcc: x@example.org", "N"), context(null, null));
        assertThat(out.subject()).isEqualTo("Hei Ola Bcc: x@example.org!");
    }

    @Test
    void aMergeValueIsNeverEvaluatedAsTemplateSyntax() {
        RenderedMessage out = renderer.render(sms("Hei {{ firstName }}"),
                person("{{ lastName }}{% if true %}x{% endif %}", "Hemmelig"), context(null, null));
        assertThat(out.text()).isEqualTo("Hei {{ lastName }}{% if true %}x{% endif %}");
    }

    @Test
    void theLinkPlaceholderHasTheRealLinksLengthAndStaysGsm7() {
        RenderedMessage placeholder = renderer.render(sms("{{ link }}"), person("Ola", "N"), context(null, null));
        RenderedMessage real = renderer.render(sms("{{ link }}"), person("Ola", "N"), context(LINK, null));
        assertThat(placeholder.text()).isEqualTo(LandingLinks.PLACEHOLDER).hasSize(LandingLinks.LENGTH);
        assertThat(LandingLinks.LENGTH).isEqualTo(39).isEqualTo(LINK.length());
        assertThat(placeholder.smsParts()).isEqualTo(real.smsParts());
    }

    @Test
    void lineBreaksAreKeptAsWrittenAndOnlySurroundingWhitespaceIsStripped() {
        RenderedMessage out = renderer.render(sms("\n  Hei {{ firstName }}\nSvar her:\n{{ link }}\n"),
                person("Ola", "N"), context(LINK, null));
        assertThat(out.text()).isEqualTo("Hei Ola\nSvar her:\n" + LINK);
    }

    @Test
    void whitespaceControlTrimsAroundTags() {
        RenderedMessage out = renderer.render(sms("Hei {{ firstName }}\n{%- if link -%}\n  {{ link }}{% endif %}"),
                person("Ola", "N"), context(LINK, null));
        assertThat(out.text()).isEqualTo("Hei Ola" + LINK);
    }

    @Test
    void methodAccessIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> renderer.render(sms("{{ firstName.getClass() }}"), person("Ola", "N"),
                context(null, null)))
                .isInstanceOf(TemplateRenderingException.class)
                .hasMessageContaining("template 't' body is invalid")
                .hasMessageContaining("methods cannot be called (line 1)")
                .hasMessageNotContaining("Ola");
    }

    @Test
    void aTemplateThatFailsWhileRenderingNamesNoValue() {
        assertThatThrownBy(() -> renderer.render(sms("{% if firstName > 3 %}x{% endif %}"),
                person("Hemmelig", "N"), context(null, null)))
                .isInstanceOf(TemplateRenderingException.class)
                .hasMessageStartingWith("template 't' body failed to render")
                .hasMessageNotContaining("Hemmelig");
    }

    @Test
    void fieldsUsedCoverBodyAndSubject() {
        assertThat(renderer.fieldsUsed(email("Hei {{ firstName }}", "{% if link %}{{ link }}{% endif %}{{ attributes.x }}")))
                .containsExactlyInAnyOrder("firstName", "link", "attributes");
        assertThat(renderer.fieldsUsed(sms("Hei"))).isEmpty();
    }
}
