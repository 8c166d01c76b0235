package no.dialog.core.landing;

import static no.dialog.core.page.AnswerValues.CHANGED;
import static no.dialog.core.page.AnswerValues.GIVEN;
import static no.dialog.core.page.AnswerValues.NO;
import static no.dialog.core.page.AnswerValues.OTHER;
import static no.dialog.core.page.AnswerValues.SAME;
import static no.dialog.core.page.AnswerValues.YES;
import static no.dialog.core.page.AnswerValues.possibleValues;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.page.LandingPage;
import no.dialog.core.page.QuestionType;

/**
 * Checks a submitted form against its page: every shown question's rules, in page order, so that a
 * conditional question sees the answer it depends on. Either every answer is valid (and nothing is
 * stored before that), or the result holds one error per field for the form to be shown again.
 *
 * <p>Form fields are named after the question id ({@code still-student}), with sub-fields after a dot
 * ({@code still-student.examDate}, {@code home.street}, {@code home.postcode}, {@code home.place},
 * {@code gift.other}). Error values are keys of {@link LandingTexts} ({@code error.required} ...).
 */
public final class AnswerChecker {

    static final int MAX_TEXT = 1000;
    static final long MIN_AMOUNT_KR = 10;
    static final long MAX_AMOUNT_KR = 100_000;
    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final Postcodes postcodes;

    public AnswerChecker(Postcodes postcodes) {
        this.postcodes = Objects.requireNonNull(postcodes, "postcodes");
    }

    /** The outcome: answers if {@code errors} is empty. */
    public record Checked(List<Answer> answers, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** True if the question is shown given the answers so far (conditional questions). */
    public static boolean shown(LandingPage.Question question, Map<String, Answer> earlier) {
        if (question.showIf() == null) {
            return true;
        }
        Answer answer = earlier.get(question.showIf().question());
        if (answer == null) {
            return false;
        }
        if (answer.type() == QuestionType.VOLUNTEER) {
            return Set.of(answer.value().split(",")).contains(question.showIf().equals());
        }
        return answer.value().equals(question.showIf().equals());
    }

    public Checked check(LandingPage page, Contact contact, Map<String, List<String>> form, LocalDate today) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (LandingPage.Question question : page.questions()) {
            if (!shown(question, answers)) {
                continue;
            }
            Answer answer = answer(question, contact, form, today, errors);
            if (answer != null) {
                answers.put(question.id(), answer);
            }
        }
        return new Checked(errors.isEmpty() ? List.copyOf(answers.values()) : List.of(), errors);
    }

    private Answer answer(LandingPage.Question q, Contact contact, Map<String, List<String>> form, LocalDate today,
                          Map<String, String> errors) {
        String id = q.id();
        String main = one(form, id);
        switch (q.type()) {
            case ADDRESS:
                return address(q, form, errors);
            case MOBILE: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                Optional<String> kept = MaskedValues.unmasked(main, contact.phone(), MaskedValues.phone(contact.phone()));
                if (kept.isPresent()) {
                    return new Answer(id, q.type(), GIVEN, Map.of("phone", kept.get()));
                }
                String e164 = PhoneNumbers.toE164(main).filter(PhoneNumbers::isMobile).orElse(null);
                if (e164 == null) {
                    errors.put(id, "error.mobile");
                    return null;
                }
                return new Answer(id, q.type(), GIVEN, Map.of("phone", e164));
            }
            case EMAIL: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                Optional<String> kept = MaskedValues.unmasked(main, contact.email(), MaskedValues.email(contact.email()));
                if (kept.isPresent()) {
                    return new Answer(id, q.type(), GIVEN, Map.of("email", kept.get()));
                }
                // A masked address edited but not replaced ("k***@..." → "x***@...") is no address to keep.
                String email = main.contains("***") ? null : EmailAddresses.normalise(main).orElse(null);
                if (email == null) {
                    errors.put(id, "error.email");
                    return null;
                }
                return new Answer(id, q.type(), GIVEN, Map.of("email", email));
            }
            case CONSENT: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                if (!main.equals(YES) && !main.equals(NO)) {
                    errors.put(id, "error.choice");
                    return null;
                }
                return new Answer(id, q.type(), main, Map.of("channel", q.setting("channel", "")));
            }
            case PROFILING: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                if (!main.equals(YES) && !main.equals(NO)) {
                    errors.put(id, "error.choice");
                    return null;
                }
                return new Answer(id, q.type(), main, Map.of());
            }
            case GIVE:
            case REGULAR_DONOR:
                return amount(q, form, errors);
            case MEMBERSHIP:
            case EVENT: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                if (!possibleValues(q).contains(main)) {
                    errors.put(id, "error.choice");
                    return null;
                }
                return new Answer(id, q.type(), main, Map.of());
            }
            case VOLUNTEER: {
                Set<String> chosen = new LinkedHashSet<>();
                for (String value : form.getOrDefault(id, List.of())) {
                    if (!value.isBlank()) {
                        chosen.add(value.trim());
                    }
                }
                if (chosen.isEmpty()) {
                    return missing(q, errors);
                }
                if (!possibleValues(q).containsAll(chosen)) {
                    errors.put(id, "error.choice");
                    return null;
                }
                return new Answer(id, q.type(), String.join(",", chosen), Map.of());
            }
            case STUDENT:
                return student(q, form, today, errors);
            case TAX_ID: {
                if (main.isEmpty()) {
                    return missing(q, errors);
                }
                String number = Fodselsnummer.normalise(main).orElse(null);
                if (number == null) {
                    errors.put(id, "error.taxId");
                    return null;
                }
                return new Answer(id, q.type(), GIVEN, Map.of("taxId", number));
            }
            case FREE_TEXT: {
                String text = form.getOrDefault(id, List.of()).stream().findFirst().orElse("").strip();
                if (text.isEmpty()) {
                    return missing(q, errors);
                }
                if (text.length() > MAX_TEXT) {
                    errors.put(id, "error.tooLong");
                    return null;
                }
                return new Answer(id, q.type(), GIVEN, Map.of("text", text));
            }
            default:
                throw new IllegalStateException("no rule for " + q.type());
        }
    }

    private Answer address(LandingPage.Question q, Map<String, List<String>> form, Map<String, String> errors) {
        String id = q.id();
        String choice = one(form, id);
        if (choice.isEmpty()) {
            return missing(q, errors);
        }
        if (choice.equals(SAME)) {
            return new Answer(id, q.type(), SAME, Map.of());
        }
        if (!choice.equals(CHANGED)) {
            errors.put(id, "error.choice");
            return null;
        }
        String street = one(form, id + ".street");
        String postcode = one(form, id + ".postcode");
        String place = one(form, id + ".place");
        boolean ok = true;
        if (street.isEmpty() || street.length() > 100) {
            errors.put(id + ".street", street.isEmpty() ? "error.required" : "error.tooLong");
            ok = false;
        }
        if (!Postcodes.isPostcode(postcode)) {
            errors.put(id + ".postcode", "error.postcode");
            ok = false;
        } else {
            place = postcodes.place(postcode).orElse(place);
        }
        if (place.isEmpty() || place.length() > 60) {
            errors.put(id + ".place", place.isEmpty() ? "error.required" : "error.tooLong");
            ok = false;
        }
        return ok ? new Answer(id, q.type(), CHANGED, Map.of("street", street, "postcode", postcode, "place", place))
                : null;
    }

    private Answer amount(LandingPage.Question q, Map<String, List<String>> form, Map<String, String> errors) {
        String id = q.id();
        String choice = one(form, id);
        if (choice.isEmpty()) {
            return missing(q, errors);
        }
        String kroner;
        if (choice.equals(OTHER)) {
            kroner = one(form, id + ".other").replace(" ", "");
            long amount;
            try {
                amount = Long.parseLong(kroner);
            } catch (NumberFormatException e) {
                amount = -1;
            }
            if (amount < MIN_AMOUNT_KR || amount > MAX_AMOUNT_KR) {
                errors.put(id + ".other", "error.amount");
                return null;
            }
            kroner = Long.toString(amount);
        } else if (possibleValues(q).contains(choice)) {
            kroner = choice;
        } else {
            errors.put(id, "error.choice");
            return null;
        }
        return new Answer(id, q.type(), kroner, Map.of("amountOre", Long.toString(Long.parseLong(kroner) * 100)));
    }

    private Answer student(LandingPage.Question q, Map<String, List<String>> form, LocalDate today,
                           Map<String, String> errors) {
        String id = q.id();
        String choice = one(form, id);
        if (choice.isEmpty()) {
            return missing(q, errors);
        }
        if (choice.equals(NO)) {
            return new Answer(id, q.type(), NO, Map.of());
        }
        if (!choice.equals(YES)) {
            errors.put(id, "error.choice");
            return null;
        }
        String raw = one(form, id + ".examDate");
        if (raw.isEmpty()) {
            errors.put(id + ".examDate", "error.required");
            return null;
        }
        LocalDate date = date(raw);
        if (date == null) {
            errors.put(id + ".examDate", "error.date");
            return null;
        }
        if (date.isBefore(today) || date.isAfter(today.plusYears(10))) {
            errors.put(id + ".examDate", "error.examDate");
            return null;
        }
        return new Answer(id, q.type(), YES, Map.of("examDate", date.toString()));
    }

    private static LocalDate date(String raw) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw, NORWEGIAN_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Answer missing(LandingPage.Question q, Map<String, String> errors) {
        if (q.required()) {
            errors.put(q.id(), "error.required");
        }
        return null;
    }

    private static String one(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
    }

    /**
     * What the form shows before the person types anything: the mobile number and e-mail address Dialog
     * knows, masked ({@link MaskedValues}); sent back unchanged, they keep the known value. A new address
     * starts empty: the current one is shown masked beside the same/changed choice.
     */
    public static Map<String, String> prefill(LandingPage page, Contact contact) {
        Map<String, String> values = new LinkedHashMap<>();
        for (LandingPage.Question q : page.questions()) {
            if (q.type() == QuestionType.MOBILE && contact.phone() != null) {
                values.put(q.id(), MaskedValues.phone(contact.phone()));
            } else if (q.type() == QuestionType.EMAIL && contact.email() != null) {
                values.put(q.id(), MaskedValues.email(contact.email()));
            }
        }
        return values;
    }

    /** Field names whose input must never be shown again (a national identity number). */
    public static List<String> secretFields(LandingPage page) {
        List<String> fields = new ArrayList<>();
        for (LandingPage.Question q : page.questions()) {
            if (q.type() == QuestionType.TAX_ID) {
                fields.add(q.id());
            }
        }
        return fields;
    }
}
