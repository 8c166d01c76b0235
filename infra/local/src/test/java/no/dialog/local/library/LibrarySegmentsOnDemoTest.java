package no.dialog.local.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.library.JourneyLibrary;
import no.dialog.core.library.LibraryJourney;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.local.demo.DemoContacts;
import org.junit.jupiter.api.Test;

/**
 * The library's segments on the demo organisation's 5,000 people: each finds people there on the demo's
 * reference date or five weeks later (renewal and dropout prevention are about what is due soon, so they fill up
 * as the year ends), so a copy made in the demo organisation has someone to send to. The exception is the
 * welcome: the demo has no member who joined in the last 30 days (its memberships start at least 30 days before
 * the reference date).
 */
class LibrarySegmentsOnDemoTest {

    private static final int DEMO_SIZE = 5000;

    @Test
    void everyLibrarySegmentButTheWelcomeFindsPeopleInTheDemoOrganisation() {
        ContactJson json = new ContactJson(Clock.systemUTC());
        List<Contact> demo = new ArrayList<>();
        for (int n = 1; n <= DEMO_SIZE; n++) {
            demo.add(json.read(DemoContacts.contact(n).toString()).contact());
        }
        List<LocalDate> days = List.of(DemoContacts.REFERENCE_DATE, DemoContacts.REFERENCE_DATE.plusDays(36));
        List<String> empty = new ArrayList<>();
        for (LibraryJourney journey : JourneyLibrary.fromClasspath().journeys()) {
            Criterion criterion = SegmentDefinitions.parse(journey.criteria()).criterion();
            boolean found = days.stream().anyMatch(today ->
                    demo.stream().anyMatch(c -> SegmentEvaluator.matches(c, criterion, today)));
            if (!found) {
                empty.add(journey.id());
            }
        }
        assertThat(empty).containsExactly("welcome");
    }
}
