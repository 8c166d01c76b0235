package no.dialog.landing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.landing.MaskedValues;
import no.dialog.core.landing.LandingPages;
import no.dialog.core.landing.LandingTexts;
import no.dialog.core.page.AnswerValues;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.QuestionType;

/**
 * The form as the HTML template needs it: per question a fieldset with its controls (radios, inputs,
 * checkboxes, a text area), each with its label, value, error text and ids, all plain maps so the
 * template holds no logic beyond loops. Sub-fields that only matter after a choice ("new address"
 * after "changed") carry {@code showWhen}, which becomes a CSS rule (no JavaScript).
 */
final class FormModel {

    private final LandingPages.Form form;
    private final String lang;
    private final List<Map<String, Object>> conditions = new ArrayList<>();

    FormModel(LandingPages.Form form, String lang) {
        this.form = form;
        this.lang = lang;
    }

    /** The questions, each a map for the template. */
    List<Map<String, Object>> questions() {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (LandingPage.Question q : form.page().questions()) {
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("id", q.id());
            question.put("htmlId", "q-" + q.id());
            question.put("label", LandingTexts.label(q, lang));
            question.put("help", q.help().isEmpty() ? null : q.help().in(lang));
            question.put("required", q.required());
            question.put("optional", q.required() ? null : LandingTexts.get("page.optional", lang));
            String error = error(q.id());
            question.put("error", error);
            question.put("errorId", "err-" + htmlId(q.id()));
            question.put("controls", controls(q));
            question.put("single", q.type() == QuestionType.MOBILE || q.type() == QuestionType.EMAIL
                    || q.type() == QuestionType.TAX_ID || q.type() == QuestionType.FREE_TEXT);
            if (q.showIf() != null) {
                LandingPage.Question parent = form.page().question(q.showIf().question()).orElseThrow();
                question.put("conditional", String.format(LandingTexts.get("page.conditional", lang),
                        valueLabel(parent, q.showIf().equals())));
                conditions.add(Map.of("target", "q-" + q.id(), "name", q.showIf().question(), "value", q.showIf().equals()));
            }
            questions.add(question);
        }
        return questions;
    }

    /** CSS rules that show conditional parts once the choice they depend on is checked. */
    List<Map<String, Object>> conditions() {
        return conditions;
    }

    /** Field errors in page order, for the summary at the top (each links to its field). */
    List<Map<String, String>> errorSummary() {
        List<Map<String, String>> summary = new ArrayList<>();
        form.errors().forEach((field, key) -> summary.add(Map.of("href", "#f-" + htmlId(field),
                "text", LandingTexts.get(key, lang))));
        return summary;
    }

    private List<Map<String, Object>> controls(LandingPage.Question q) {
        List<Map<String, Object>> controls = new ArrayList<>();
        String id = q.id();
        switch (q.type()) {
            case ADDRESS: {
                PostalAddress address = form.contact().address();
                if (address != null && address.street() != null) {
                    controls.add(info(LandingTexts.get("field.currentAddress", lang) + " " + MaskedValues.street(address.street()) + ", "
                            + nullToEmpty(address.postcode()) + " " + nullToEmpty(address.city())));
                }
                controls.add(radios(q, List.of(AnswerValues.SAME, AnswerValues.CHANGED)));
                Map<String, String> when = Map.of("name", id, "value", AnswerValues.CHANGED);
                controls.add(when(input(id + ".street", "field.street", "text", "street-address", null), when));
                controls.add(when(input(id + ".postcode", "field.postcode", "text", "postal-code", "numeric"), when));
                controls.add(when(input(id + ".place", "field.place", "text", "address-level2", null), when));
                break;
            }
            case MOBILE:
                controls.add(input(id, null, "tel", "tel", "tel"));
                break;
            case EMAIL:
                controls.add(input(id, null, "email", "email", "email"));
                break;
            case CONSENT:
            case PROFILING:
            case STUDENT:
                controls.add(radios(q, List.of(AnswerValues.YES, AnswerValues.NO)));
                if (q.type() == QuestionType.STUDENT) {
                    controls.add(when(input(id + ".examDate", "field.examDate", "date", "off", null),
                            Map.of("name", id, "value", AnswerValues.YES)));
                }
                break;
            case GIVE:
            case REGULAR_DONOR: {
                List<String> values = new ArrayList<>(AnswerValues.possibleValues(q));
                values.add(AnswerValues.OTHER);
                controls.add(radios(q, values));
                controls.add(when(input(id + ".other", "field.other", "text", "off", "numeric"),
                        Map.of("name", id, "value", AnswerValues.OTHER)));
                break;
            }
            case MEMBERSHIP:
            case EVENT:
                controls.add(radios(q, AnswerValues.possibleValues(q)));
                break;
            case VOLUNTEER: {
                Map<String, Object> boxes = radios(q, AnswerValues.possibleValues(q));
                boxes.put("kind", "checkboxes");
                controls.add(boxes);
                break;
            }
            case TAX_ID: {
                Map<String, Object> input = input(id, null, "text", "off", "numeric");
                input.put("value", ""); // never shown again, not even after an error elsewhere
                input.put("hint", LandingTexts.get("hint.taxId", lang));
                controls.add(input);
                break;
            }
            case FREE_TEXT: {
                Map<String, Object> area = input(id, null, "text", "off", null);
                area.put("kind", "textarea");
                area.put("maxlength", 1000);
                controls.add(area);
                break;
            }
            default:
                throw new IllegalStateException("no form for " + q.type());
        }
        return controls;
    }

    private Map<String, Object> radios(LandingPage.Question q, List<String> values) {
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("kind", "radios");
        control.put("name", q.id());
        control.put("errorId", error(q.id()) == null ? null : "err-" + htmlId(q.id()));
        List<String> chosen = form.values().getOrDefault(q.id(), List.of());
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("value", value);
            option.put("id", i == 0 ? "f-" + htmlId(q.id()) : "f-" + htmlId(q.id()) + "-" + i);
            option.put("label", valueLabel(q, value));
            option.put("checked", chosen.contains(value));
            options.add(option);
        }
        control.put("options", options);
        return control;
    }

    private Map<String, Object> input(String name, String labelKey, String type, String autocomplete, String inputmode) {
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("kind", "input");
        control.put("name", name);
        control.put("id", "f-" + htmlId(name));
        control.put("label", labelKey == null ? null : LandingTexts.get(labelKey, lang));
        control.put("type", type);
        control.put("autocomplete", autocomplete);
        control.put("inputmode", inputmode);
        List<String> values = form.values().getOrDefault(name, List.of());
        control.put("value", values.isEmpty() ? "" : values.get(0));
        String error = error(name);
        // A sub-field's error sits under the sub-field; the question's own error under its legend.
        control.put("error", labelKey == null ? null : error);
        control.put("errorId", error == null ? null : "err-" + htmlId(name));
        return control;
    }

    private static Map<String, Object> info(String text) {
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("kind", "info");
        control.put("text", text);
        return control;
    }

    private Map<String, Object> when(Map<String, Object> control, Map<String, String> when) {
        String wrapper = "w-" + control.get("id");
        control.put("wrapperId", wrapper);
        conditions.add(Map.of("target", wrapper, "name", when.get("name"), "value", when.get("value")));
        return control;
    }

    private String valueLabel(LandingPage.Question q, String value) {
        for (LandingPage.Choice choice : q.choices()) {
            if (choice.value().equals(value)) {
                if (!choice.label().isEmpty()) {
                    return choice.label().in(lang);
                }
                return value + (q.type() == QuestionType.REGULAR_DONOR ? " " + LandingTexts.get("hint.perMonth", lang)
                        : " kr");
            }
        }
        switch (value) {
            case AnswerValues.YES:
                return LandingTexts.get("choice.yes", lang);
            case AnswerValues.NO:
                return LandingTexts.get("choice.no", lang);
            case AnswerValues.SAME:
                return LandingTexts.get("choice.same", lang);
            case AnswerValues.CHANGED:
                return LandingTexts.get("choice.changed", lang);
            case AnswerValues.OTHER:
                return LandingTexts.get("choice.other", lang);
            default:
                return value;
        }
    }

    private String error(String field) {
        String key = form.errors().get(field);
        return key == null ? null : LandingTexts.get(key, lang);
    }

    static String htmlId(String field) {
        return field.replace('.', '-');
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
