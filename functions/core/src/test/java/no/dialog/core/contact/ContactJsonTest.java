package no.dialog.core.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.dialog.core.testing.Fixtures;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;

class ContactJsonTest {

    private final ContactJson json = new ContactJson(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), OsloTime.ZONE));

    @Test
    void readsEveryFieldOfTheSampleFileAndNormalisesPhones() {
        List<String> lines = Fixtures.read("sync/contacts.ndjson").lines().toList();

        Contact kari = json.read(lines.get(0)).contact();
        assertThat(kari.phone()).isEqualTo("+4791234567");
        assertThat(kari.memberships().get(0).examDate()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(kari.memberships().get(0).status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(kari.consents().get(Channel.SMS).granted()).isTrue();
        assertThat(kari.address().country()).isEqualTo("NO");
        assertThat(kari.attributes()).containsEntry("favouriteCause", "climate");

        Contact ola = json.read(lines.get(1)).contact();
        assertThat(ola.phone()).as("a number without +47 is read as Norwegian").isEqualTo("+4794567890");
        assertThat(ola.donor().sumLast12MonthsOre()).isEqualTo(300000L);
        assertThat(ola.reservations().telemarketing()).isTrue();

        Contact ingrid = json.read(lines.get(2)).contact();
        assertThat(ingrid.events().get(0).status()).isEqualTo(ParticipationStatus.ATTENDED);
        assertThat(ingrid.roles()).containsExactly("board-member");
    }

    @Test
    void writingAndReadingGivesTheSameContact() {
        for (String line : Fixtures.read("sync/contacts.ndjson").lines().toList()) {
            Contact contact = json.read(line).contact();
            ContactJson.Parsed again = json.read(json.write(contact));
            assertThat(again.problems()).isEmpty();
            assertThat(again.contact()).isEqualTo(contact);
        }
    }

    @Test
    void listsEveryProblemOfARowWithItsFieldPath() {
        ContactJson.Parsed parsed = json.read("""
                {"id":"M-1","updatedAt":"yesterday","phone":"12","email":"not-an-address",
                 "address":{"postcode":"12345"},"memberships":[{"type":"student","status":"graduated"}],
                 "birthDate":"2030-01-01","shoeSize":44,"consents":{"fax":{"granted":true}}}
                """);

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.contactId()).isEqualTo("M-1");
        assertThat(parsed.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "shoeSize", "updatedAt", "birthDate", "phone", "email", "address.postcode",
                "memberships[0].status", "consents.fax");
    }

    @Test
    void reasonsNeverEchoTheValue() {
        ContactJson.Parsed parsed = json.read("""
                {"id":"M-1","updatedAt":"2026-01-01T00:00:00Z","phone":"+47 1234","email":"secret@@example"}
                """);
        assertThat(parsed.problems()).extracting(Problem::reason)
                .noneMatch(reason -> reason.contains("1234") || reason.contains("secret"));
    }

    @Test
    void requiresIdAndUpdatedAtSoThatOrderCanBeDecided() {
        ContactJson.Parsed parsed = json.read("{\"firstName\":\"Kari\"}");
        assertThat(parsed.problems()).extracting(Problem::field).containsExactlyInAnyOrder("id", "updatedAt");
    }

    @Test
    void refusesWhatIsNotAnObject() {
        assertThat(json.read("[1,2]").problems()).extracting(Problem::reason).containsExactly("a contact must be a JSON object");
        assertThat(json.read("{oops").problems().get(0).reason()).startsWith("not valid JSON");
    }

    @Test
    void acceptsForeignPostcodesOutsideNorway() {
        ContactJson.Parsed parsed = json.read("""
                {"id":"M-9","updatedAt":"2026-01-01T00:00:00+01:00","address":{"postcode":"SE-11122","city":"Stockholm","country":"SE"}}
                """);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.contact().updatedAt()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
    }
}
