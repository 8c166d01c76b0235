package no.dialog.core.template;

import static no.dialog.core.template.TemplateContacts.TODAY;
import static no.dialog.core.template.TemplateContacts.context;
import static no.dialog.core.template.TemplateContacts.full;
import static no.dialog.core.template.TemplateContacts.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeFieldsTest {

    @Test
    void everyNameHasAValueEntryEvenWhenUnknown() {
        MergeFields fields = MergeFields.of(person(null, null), new MessageContext(null, null, null, null, TODAY));
        assertThat(fields.values().keySet()).containsExactlyInAnyOrderElementsOf(MergeFields.NAMES);
        assertThat(fields.get("firstName")).isNull();
        assertThat(fields.get("fullName")).isNull();
        assertThat(fields.get("amount")).isNull();
        assertThat(fields.get("lastGiftAmount")).isNull();
        assertThat(fields.get("membershipType")).isNull();
    }

    @Test
    void valuesComeFromTheContactAndTheMessage() {
        MergeFields fields = MergeFields.of(full(), context("https://dlg.no/p/abc", 125_050L));
        assertThat(fields.get("firstName")).isEqualTo("Ola");
        assertThat(fields.get("fullName")).isEqualTo("Ola Nordmann");
        assertThat(fields.get("organisation")).isEqualTo("Naturvernforbundet");
        assertThat(fields.get("journeyName")).isEqualTo("Vårkampanje");
        assertThat(fields.get("link")).isEqualTo("https://dlg.no/p/abc");
        assertThat(fields.get("membershipType")).as("first active, not the lapsed one before it").isEqualTo("ordinary");
        assertThat(fields.get("lastGiftAmount")).isEqualTo("99,50 kr");
        assertThat(fields.get("sum12Months")).isEqualTo("1 250 kr");
        assertThat(fields.get("amount")).isEqualTo("1 250,50 kr");
        assertThat(fields.get("today")).isEqualTo("30.11.2026");
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) fields.get("attributes");
        assertThat(attributes.get("kommune")).isEqualTo("Bergen");
        assertThat(attributes.containsKey("not-there")).as("a missing attribute reads as empty").isTrue();
        assertThat(attributes.get("not-there")).isNull();
    }

    @Test
    void fullNameUsesWhatIsThere() {
        assertThat(MergeFields.of(person(" Kari ", null), context(null, null)).get("fullName")).isEqualTo("Kari");
        assertThat(MergeFields.of(person("", "Nordmann"), context(null, null)).get("fullName")).isEqualTo("Nordmann");
        assertThat(MergeFields.of(person("Kari", " "), context(null, null)).get("lastName")).isNull();
    }

    @Test
    void anUnknownLinkIsAPlaceholderOfTheRealLength() {
        Object link = MergeFields.of(person("Kari", "N"), context(null, null)).get("link");
        assertThat(link).isEqualTo(LandingLinks.PLACEHOLDER);
        assertThat(LandingLinks.PLACEHOLDER).hasSize(LandingLinks.LENGTH).startsWith(LandingLinks.PREFIX);
        assertThat(LandingLinks.LENGTH).isEqualTo("https://dlg.no/p/".length() + 22);
    }

    @Test
    void contactAndContextAreRequired() {
        assertThatThrownBy(() -> MergeFields.of(null, context(null, null))).hasMessage("contact");
        assertThatThrownBy(() -> new MessageContext("o", null, null, null, null)).hasMessage("today");
    }
}
