package no.dialog.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.dialog.core.compliance.NorwegianSendRules;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
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

    /** The demo organisation shows every side of the send-time rules (docs/compliance.md), not just "allowed". */
    @Test
    void theDemoHasPeopleOnEverySideOfTheSendRules() throws Exception {
        List<Contact> contacts = generate(5000);
        Tenant demo = new Tenant(TenantId.of("demo"), "Demo Organisation", Instant.parse("2026-01-01T00:00:00Z"));
        // A Monday afternoon, a few weeks after the reference date: inside quiet hours and calling hours.
        Instant daytime = Instant.parse("2026-11-23T13:00:00Z");
        NorwegianSendRules rules = new NorwegianSendRules();
        Map<String, Long> sms = verdicts(contacts, c -> rules.check(demo, c, SendChannel.SMS, daytime));
        Map<String, Long> calls = verdicts(contacts, c -> rules.check(demo, c, SendChannel.TELEMARKETING, daytime));
        long smsByRelationship = contacts.stream().filter(c -> !c.consents().containsKey(Channel.SMS))
                .filter(c -> rules.check(demo, c, SendChannel.SMS, daytime) instanceof SendVerdict.Allowed).count();

        assertThat(sms.getOrDefault("allowed", 0L)).as(sms.toString()).isBetween(3500L, 4200L);
        assertThat(smsByRelationship).as("members and givers without a recorded consent").isBetween(800L, 1300L);
        assertThat(sms.getOrDefault("opted out of sms", 0L)).as(sms.toString()).isBetween(120L, 300L);
        assertThat(sms.getOrDefault("no consent for sms", 0L)).as(sms.toString()).isBetween(300L, 600L);
        assertThat(sms.getOrDefault("no mobile number", 0L)).as(sms.toString()).isBetween(300L, 550L);
        assertThat(sms.getOrDefault("do not contact", 0L)).as(sms.toString()).isBetween(20L, 100L);
        assertThat(calls.getOrDefault("allowed", 0L)).as(calls.toString()).isGreaterThan(3500L);
        assertThat(calls.getOrDefault("reserved against telemarketing", 0L)).as(calls.toString()).isBetween(60L, 200L);
    }

    private static Map<String, Long> verdicts(List<Contact> contacts, Function<Contact, SendVerdict> check) {
        return contacts.stream().map(check).collect(Collectors.groupingBy(DemoContactsTest::reason, TreeMap::new,
                Collectors.counting()));
    }

    private static String reason(SendVerdict verdict) {
        if (verdict instanceof SendVerdict.Refused refused) {
            return refused.reason();
        }
        if (verdict instanceof SendVerdict.Unreachable unreachable) {
            return unreachable.reason();
        }
        return verdict instanceof SendVerdict.Allowed ? "allowed" : "not now";
    }
}
