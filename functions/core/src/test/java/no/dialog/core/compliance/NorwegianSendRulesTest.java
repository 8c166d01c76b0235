package no.dialog.core.compliance;

import static no.dialog.core.compliance.TestContact.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NorwegianSendRulesTest {

    private static final Tenant TENANT = new Tenant(TenantId.of("demo"), "Demo", Instant.parse("2026-01-01T00:00:00Z"));
    /** Monday 23 November 2026, 13:30 in Oslo: inside every window. */
    private static final Instant DAYTIME = oslo("2026-11-23T13:30");
    /** The same Monday at 22:00: SMS and chat wait, calls wait. */
    private static final Instant EVENING = oslo("2026-11-23T22:00");

    private final NorwegianSendRules rules = new NorwegianSendRules();

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(OsloTime.ZONE).toInstant();
    }

    /** A member who said yes to every channel: the time is the only thing left to decide. */
    private static Contact willing() {
        TestContact person = person().member(MembershipStatus.ACTIVE);
        for (Channel channel : Channel.values()) {
            person.consent(channel, true);
        }
        return person.build();
    }

    @ParameterizedTest
    @EnumSource(SendChannel.class)
    void aWillingReachablePersonMayBeContactedOnAnyChannelInTheDaytime(SendChannel channel) {
        assertThat(rules.check(TENANT, willing(), channel, DAYTIME)).isEqualTo(SendVerdict.allowed());
    }

    @ParameterizedTest(name = "{0} at 22:00 → {1}")
    @CsvSource({
            "SMS,           2026-11-24T08:00, quiet hours",
            "CHAT,          2026-11-24T08:00, quiet hours",
            "TELEMARKETING, 2026-11-24T09:00, outside calling hours"})
    void smsChatAndCallsInTheEveningWaitForTheirWindow(SendChannel channel, LocalDateTime next, String reason) {
        assertThat(rules.check(TENANT, willing(), channel, EVENING))
                .isEqualTo(new SendVerdict.NotBefore(next.atZone(OsloTime.ZONE).toInstant(), reason));
    }

    @ParameterizedTest
    @EnumSource(value = SendChannel.class, names = {"EMAIL", "NEWSLETTER", "LETTER", "PRINT"})
    void otherChannelsHaveNoTimeRule(SendChannel channel) {
        assertThat(rules.check(TENANT, willing(), channel, EVENING)).isEqualTo(SendVerdict.allowed());
        assertThat(rules.check(TENANT, willing(), channel, oslo("2026-12-25T03:00"))).isEqualTo(SendVerdict.allowed());
    }

    @Test
    void theTenantsQuietHoursApply() {
        Tenant strict = new Tenant(TENANT.id(), "Demo", TENANT.createdAt(), Map.of("quietHours", "10:00-18:00"));

        assertThat(rules.check(strict, willing(), SendChannel.SMS, oslo("2026-11-23T09:00")))
                .isEqualTo(new SendVerdict.NotBefore(oslo("2026-11-23T10:00"), "quiet hours"));
        assertThat(rules.check(strict, willing(), SendChannel.SMS, oslo("2026-11-23T10:00")))
                .isEqualTo(SendVerdict.allowed());
    }

    @Test
    void anInvalidQuietHoursSettingFallsBackToTheDefaultWindow() {
        Tenant broken = new Tenant(TENANT.id(), "Demo", TENANT.createdAt(), Map.of("quietHours", "all day"));

        assertThat(rules.check(broken, willing(), SendChannel.SMS, oslo("2026-11-23T08:30"))).isEqualTo(SendVerdict.allowed());
        assertThat(rules.check(broken, willing(), SendChannel.SMS, EVENING))
                .isEqualTo(new SendVerdict.NotBefore(oslo("2026-11-24T08:00"), "quiet hours"));
    }

    @Test
    void callsWaitOverEasterEvenInTheDaytime() {
        assertThat(rules.check(TENANT, willing(), SendChannel.TELEMARKETING, oslo("2026-04-02T12:00")))
                .isEqualTo(new SendVerdict.NotBefore(oslo("2026-04-07T09:00"), "outside calling hours"));
    }

    // The order: reachability, then do-not-contact, then consent and reservations, then time.

    @Test
    void unreachableComesBeforeEverything() {
        Contact landlineAndDoNotContact = person().phone("+4722123456").reservations(false, false, false, true).build();

        assertThat(rules.check(TENANT, landlineAndDoNotContact, SendChannel.SMS, EVENING))
                .isEqualTo(new SendVerdict.Unreachable("no mobile number"));
    }

    @Test
    void doNotContactComesBeforeConsent() {
        Contact optedOutAndDoNotContact = person().consent(Channel.SMS, false).reservations(false, false, false, true).build();

        assertThat(rules.check(TENANT, optedOutAndDoNotContact, SendChannel.SMS, DAYTIME))
                .isEqualTo(new SendVerdict.Refused("do not contact", true));
    }

    @Test
    void aRefusalIsNotDeferredByTime() {
        Contact stranger = person().build();

        assertThat(rules.check(TENANT, stranger, SendChannel.SMS, EVENING))
                .isEqualTo(new SendVerdict.Refused("no consent for sms"));
        assertThat(rules.check(TENANT, person().reservations(true, false, true, false).build(),
                SendChannel.TELEMARKETING, EVENING)).isEqualTo(new SendVerdict.Refused("reserved against telemarketing"));
    }

    @Test
    void theRelationshipExceptionUsesTheTenantsActiveGiverPeriod() {
        Contact gaveTwoAndAHalfYearsAgo = person().lastGift(java.time.LocalDate.of(2024, 5, 1)).build();
        Tenant twoYears = new Tenant(TENANT.id(), "Demo", TENANT.createdAt(), Map.of("activeGiverYears", "2"));

        assertThat(rules.check(TENANT, gaveTwoAndAHalfYearsAgo, SendChannel.SMS, DAYTIME)).isEqualTo(SendVerdict.allowed());
        assertThat(rules.check(twoYears, gaveTwoAndAHalfYearsAgo, SendChannel.SMS, DAYTIME))
                .isEqualTo(new SendVerdict.Refused("no consent for sms"));
    }

    @Test
    void aTenantThatIsNoVoluntaryOrganisationHonoursEveryReservation() {
        Contact reservedAgainstBusinessOnly = person().reservations(true, true, false, false).build();
        Tenant business = new Tenant(TENANT.id(), "Demo", TENANT.createdAt(), Map.of("voluntaryOrganisation", "false"));

        assertThat(rules.check(TENANT, reservedAgainstBusinessOnly, SendChannel.TELEMARKETING, DAYTIME))
                .isEqualTo(SendVerdict.allowed());
        assertThat(rules.check(business, reservedAgainstBusinessOnly, SendChannel.TELEMARKETING, DAYTIME))
                .isEqualTo(new SendVerdict.Refused("reserved against telemarketing"));
        assertThat(rules.check(business, reservedAgainstBusinessOnly, SendChannel.LETTER, DAYTIME))
                .isEqualTo(new SendVerdict.Refused("reserved against addressed post"));
    }
}
