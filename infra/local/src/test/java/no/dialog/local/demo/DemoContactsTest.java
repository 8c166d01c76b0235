package no.dialog.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class DemoContactsTest {

    private final ContactJson json = new ContactJson(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE));

    private List<Contact> generate(int count) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoContacts.writeNdjson(count, out);
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            ContactJson.Parsed parsed = json.read(line);
            assertThat(parsed.problems()).as("generated line is a valid contact: %s", line).isEmpty();
            return parsed.contact();
        }).toList();
    }

    @Test
    void everyGeneratedContactPassesTheImportRules() throws Exception {
        List<Contact> contacts = generate(5000);
        assertThat(contacts).hasSize(5000);
        assertThat(contacts).extracting(Contact::id).doesNotHaveDuplicates();
        assertThat(contacts).filteredOn(c -> c.phone() != null)
                .allSatisfy(c -> assertThat(PhoneNumbers.isMobile(c.phone())).isTrue());
        assertThat(contacts).filteredOn(c -> c.email() != null)
                .allSatisfy(c -> assertThat(c.email()).matches(".+@example\\.(org|com|net)"));
    }

    @Test
    void theSameNumberGivesTheSameContactEveryTime() {
        assertThat(DemoContacts.contact(4711).toString()).isEqualTo(DemoContacts.contact(4711).toString());
        assertThat(DemoContacts.contact(4711).toString()).isNotEqualTo(DemoContacts.contact(4712).toString());
    }

    @Test
    void theMixHoldsWhatTheDemoJourneysNeed() throws Exception {
        List<Contact> contacts = generate(5000);
        LocalDate today = DemoContacts.REFERENCE_DATE;
        long studentsPastExam = contacts.stream().flatMap(c -> c.memberships().stream())
                .filter(m -> m.type().equals("student") && m.examDate() != null && m.examDate().isBefore(today)).count();
        long studentsBeforeExam = contacts.stream().flatMap(c -> c.memberships().stream())
                .filter(m -> m.type().equals("student") && m.examDate() != null && m.examDate().isAfter(today)).count();
        long regularDonors = contacts.stream().filter(c -> c.donor() != null && c.donor().regularDonor()).count();
        long oneOffDonors = contacts.stream().filter(c -> c.donor() != null && !c.donor().regularDonor()).count();
        long reservedTm = contacts.stream().filter(c -> c.reservations().telemarketing()).count();
        long volunteers = contacts.stream().filter(c -> !c.volunteerAreas().isEmpty()).count();
        long roles = contacts.stream().filter(c -> !c.roles().isEmpty()).count();
        long family = contacts.stream().flatMap(c -> c.memberships().stream()).filter(m -> m.type().equals("family")).count();

        assertThat(studentsPastExam).isBetween(100L, 1000L);
        assertThat(studentsBeforeExam).isBetween(100L, 1000L);
        assertThat(regularDonors).isBetween(500L, 1200L);
        assertThat(oneOffDonors).isGreaterThan(regularDonors);
        assertThat(reservedTm).isBetween(900L, 1600L);
        assertThat(volunteers).isBetween(200L, 700L);
        assertThat(roles).isBetween(50L, 300L);
        assertThat(family).isPositive();
    }
}
