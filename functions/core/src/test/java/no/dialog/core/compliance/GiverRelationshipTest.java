package no.dialog.core.compliance;

import static no.dialog.core.compliance.TestContact.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import no.dialog.core.contact.MembershipStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GiverRelationshipTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Period THREE_YEARS = GiverRelationship.ACTIVE_GIVER_PERIOD;

    @Test
    void anActiveMemberHasARelationship() {
        assertThat(GiverRelationship.exists(person().member(MembershipStatus.ACTIVE).build(), TODAY, THREE_YEARS)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = MembershipStatus.class, names = {"PENDING", "LAPSED", "ENDED"})
    void aMembershipThatIsNotActiveIsNoRelationshipByItself(MembershipStatus status) {
        assertThat(GiverRelationship.exists(person().member(status).build(), TODAY, THREE_YEARS)).isFalse();
    }

    @Test
    void aRegularDonorHasARelationship() {
        assertThat(GiverRelationship.exists(person().regularDonor().build(), TODAY, THREE_YEARS)).isTrue();
    }

    @Test
    void aStrangerHasNone() {
        assertThat(GiverRelationship.exists(person().build(), TODAY, THREE_YEARS)).isFalse();
    }

    @ParameterizedTest(name = "last gift {0}, {1} years: {2}")
    @CsvSource({
            "2026-11-01, 3, true", "2023-11-23, 3, true", "2023-11-22, 3, false", "2019-05-17, 3, false",
            "2024-11-23, 2, true", "2024-11-22, 2, false", "2025-11-22, 1, false"})
    void aGiftWithinTheActiveGiverPeriodIsARelationship(LocalDate lastGift, int years, boolean active) {
        assertThat(GiverRelationship.exists(person().lastGift(lastGift).build(), TODAY, Period.ofYears(years)))
                .isEqualTo(active);
    }

    @Test
    void aLapsedMemberWhoStillGivesHasARelationship() {
        assertThat(GiverRelationship.exists(person().member(MembershipStatus.LAPSED).lastGift(LocalDate.of(2026, 6, 1))
                .build(), TODAY, THREE_YEARS)).isTrue();
    }
}
