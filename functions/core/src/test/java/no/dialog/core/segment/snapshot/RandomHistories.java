package no.dialog.core.segment.snapshot;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.segment.ContactHistory;

/**
 * Random behaviour histories over small pools of journeys, steps, questions and answers (the same
 * pools {@link RandomCriteria} asks about), for some of the contacts and for a few people who are not
 * contacts at all (an enrolment of someone since deleted must not match a row).
 */
final class RandomHistories {

    static final List<String> JOURNEYS = List.of("student-2026", "welcome", "lapsed.donors", "x");
    static final List<String> STEPS = List.of("first-sms", "reminder", "thanks");
    static final List<String> QUESTIONS = List.of("still-student", "topic");
    static final List<String> ANSWERS = List.of("yes", "no", "Yes");

    private final Random random;

    RandomHistories(long seed) {
        this.random = new Random(seed);
    }

    /** Histories for about 60% of {@code contacts}, plus some for ids that are not among them. */
    Map<String, ContactHistory> forContacts(List<Contact> contacts) {
        Map<String, ContactHistory> histories = new HashMap<>();
        for (Contact contact : contacts) {
            if (random.nextInt(100) < 60) {
                histories.put(contact.id(), history());
            }
        }
        for (int i = 0; i < 50; i++) {
            histories.put("GONE-" + i, history());
        }
        return histories;
    }

    ContactHistory history() {
        Set<ContactHistory.Answer> answers = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            answers.add(new ContactHistory.Answer(pick(JOURNEYS), pick(QUESTIONS), pick(ANSWERS)));
        }
        Set<String> steps = new HashSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            steps.add(ContactHistory.stepKey(pick(JOURNEYS), pick(STEPS)));
        }
        return new ContactHistory(journeys(), journeys(), steps, answers, journeys(), journeys());
    }

    private Set<String> journeys() {
        Set<String> ids = new HashSet<>();
        for (String journey : JOURNEYS) {
            if (random.nextInt(100) < 25) {
                ids.add(journey);
            }
        }
        return ids;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
