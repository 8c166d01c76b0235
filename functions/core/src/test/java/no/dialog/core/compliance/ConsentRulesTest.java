package no.dialog.core.compliance;

import static no.dialog.core.compliance.TestContact.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.SendChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ConsentRulesTest {

    /**
     * consent: none, yes or no (an explicit opt-out) for the channel's consent channel; reserved: the register
     * reservation for the channel (telemarketing or addressed post); covers: it covers voluntary organisations;
     * voluntary: the tenant is a voluntary organisation. An empty refusal means allowed.
     */
    @ParameterizedTest(name = "{0} consent={1} relationship={2} reserved={3} covers={4} voluntary={5} → ''{6}''")
    @CsvSource({
            // § 15: SMS, chat, e-mail need consent or the relationship; an opt-out always wins.
            "SMS,           yes,  false, false, false, true, ''",
            "SMS,           none, true,  false, false, true, ''",
            "SMS,           none, false, false, false, true, no consent for sms",
            "SMS,           no,   true,  false, false, true, opted out of sms",
            "CHAT,          none, true,  false, false, true, ''",
            "CHAT,          none, false, false, false, true, no consent for chat",
            "CHAT,          no,   false, false, false, true, opted out of chat",
            "EMAIL,         yes,  false, false, false, true, ''",
            "EMAIL,         none, true,  false, false, true, ''",
            "EMAIL,         none, false, false, false, true, no consent for email",
            "EMAIL,         no,   true,  false, false, true, opted out of email",
            // Make's policy: newsletters only with consent, relationship or not.
            "NEWSLETTER,    yes,  false, false, false, true, ''",
            "NEWSLETTER,    none, true,  false, false, true, no consent for newsletter",
            "NEWSLETTER,    no,   true,  false, false, true, opted out of newsletter",
            // §§ 12–13: calls to anyone not reserved; a reservation that covers voluntary organisations refuses
            // unless there is a relationship or a yes to calls.
            "TELEMARKETING, none, false, false, false, true, ''",
            "TELEMARKETING, none, false, true,  false, true, ''",
            "TELEMARKETING, none, false, true,  true,  true, reserved against telemarketing",
            "TELEMARKETING, none, true,  true,  true,  true, ''",
            "TELEMARKETING, yes,  false, true,  true,  true, ''",
            "TELEMARKETING, no,   true,  false, false, true, opted out of phone",
            "TELEMARKETING, none, false, true,  false, false, reserved against telemarketing",
            // Addressed post: the same for letters and print files.
            "LETTER,        none, false, false, false, true, ''",
            "LETTER,        none, false, true,  true,  true, reserved against addressed post",
            "LETTER,        none, false, true,  false, true, ''",
            "LETTER,        none, true,  true,  true,  true, ''",
            "LETTER,        yes,  false, true,  true,  true, ''",
            "LETTER,        no,   true,  false, false, true, opted out of post",
            "PRINT,         none, false, true,  true,  true, reserved against addressed post",
            "PRINT,         none, false, true,  false, false, reserved against addressed post",
            "PRINT,         none, true,  true,  true,  true, ''"})
    void consentRelationshipAndReservationsDecideWhoMayBeContacted(SendChannel channel, String consent,
            boolean relationship, boolean reserved, boolean covers, boolean voluntary, String refusal) {
        TestContact person = person();
        Channel consentChannel = channel.consentChannel();
        if (!consent.equals("none")) {
            person.consent(consentChannel, consent.equals("yes"));
        }
        boolean telemarketing = reserved && channel == SendChannel.TELEMARKETING;
        boolean post = reserved && (channel == SendChannel.LETTER || channel == SendChannel.PRINT);
        Contact contact = person.reservations(telemarketing, post, covers, false).build();

        assertThat(ConsentRules.refusal(contact, channel, relationship, voluntary))
                .isEqualTo(refusal.isEmpty() ? Optional.empty() : Optional.of(refusal));
    }

    @ParameterizedTest
    @EnumSource(SendChannel.class)
    void doNotContactRefusesEveryChannelWhateverTheConsentAndRelationship(SendChannel channel) {
        Contact contact = person().consent(channel.consentChannel(), true).reservations(false, false, false, true).build();

        assertThat(ConsentRules.refusal(contact, channel, true, true)).contains("do not contact");
    }

    @Test
    void aReservationAgainstOneThingDoesNotStopTheOther() {
        Contact reservedAgainstCalls = person().reservations(true, false, true, false).build();
        Contact reservedAgainstPost = person().reservations(false, true, true, false).build();

        assertThat(ConsentRules.refusal(reservedAgainstCalls, SendChannel.LETTER, false, true)).isEmpty();
        assertThat(ConsentRules.refusal(reservedAgainstPost, SendChannel.TELEMARKETING, false, true)).isEmpty();
        assertThat(ConsentRules.refusal(reservedAgainstCalls, SendChannel.SMS, true, true)).isEmpty();
    }

    @Test
    void consentChannelsAreIndependent() {
        Contact stoppedSms = person().consent(Channel.SMS, false).consent(Channel.EMAIL, true).build();

        assertThat(ConsentRules.refusal(stoppedSms, SendChannel.SMS, true, true)).contains("opted out of sms");
        assertThat(ConsentRules.refusal(stoppedSms, SendChannel.EMAIL, false, true)).isEmpty();
        assertThat(ConsentRules.refusal(stoppedSms, SendChannel.CHAT, true, true)).isEmpty();
    }
}
