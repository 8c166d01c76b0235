package no.dialog.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.dialog.core.contact.Channel;
import org.junit.jupiter.api.Test;

class SegmentFieldsTest {

    @Test
    void registryHoldsTheDocumentedFieldsWithLabelsAndOperators() {
        List<String> ids = SegmentFields.all().stream().map(SegmentField::id).toList();
        assertThat(ids).contains("firstName", "lastName", "age", "birthDate", "postcode", "city", "hasPhone",
                "hasEmail", "membership.type", "membership.status", "membership.start", "membership.paidUntil",
                "membership.chapter", "membership.examDate", "donor.regular", "donor.lastGiftDate",
                "donor.lastGiftAmountOre", "donor.sumLast12MonthsOre", "donor.firstGiftDate", "roles",
                "volunteerAreas", "events.eventId", "reservation.telemarketing", "reservation.addressedPost",
                "reservation.doNotContact");
        for (Channel channel : Channel.values()) {
            assertThat(ids).contains("consent." + channel.jsonName());
        }
        assertThat(SegmentFields.describeAll()).allSatisfy(d -> {
            assertThat(d.labelNb()).isNotBlank();
            assertThat(d.labelEn()).isNotBlank();
            assertThat(d.operators()).isNotEmpty();
        });
        assertThat(SegmentFields.describeAll()).extracting(SegmentField.Description::id).contains("attributes.*");
    }

    @Test
    void membershipStatusIsAnEnumOfTheRegisterStatuses() {
        var status = SegmentFields.find("membership.status").orElseThrow();
        assertThat(status.type()).isEqualTo(FieldType.ENUM);
        assertThat(status.allowedValues()).containsExactly("active", "pending", "lapsed", "ended");
    }

    @Test
    void ageIsWholeYearsAndTurnsOnTheBirthday() {
        var age = SegmentFields.find("age").orElseThrow();
        var contact = TestContacts.contact().born("2000-06-15").build();
        assertThat(age.values(contact, LocalDate.of(2026, 6, 14))).isEqualTo(List.of(25L));
        assertThat(age.values(contact, LocalDate.of(2026, 6, 15))).isEqualTo(List.of(26L));
        assertThat(age.values(TestContacts.contact().build(), LocalDate.of(2026, 6, 15))).isEmpty();
    }
}
