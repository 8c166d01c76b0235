package no.dialog.core.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.ConsentWithdrawal;
import no.dialog.core.contact.Contact;
import no.dialog.core.send.SendKeys;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OptOutRulesTest {

    private static final TenantId DEMO = TenantId.of("demo");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ja|yes", "JA!|yes", "ja takk|yes", "Yes|yes", "nei|no", "Nei, takk|no", "NO|no",
            "ja men bare om kvelden|", "kanskje|", "Jeg vet ikke|"})
    void clearAnswers(String text, String answer) {
        assertThat(ReplyAnswers.of(text).orElse(null)).isEqualTo(answer);
    }

    @Test
    void sendKeysGiveTenantEnrolmentStepAndJourney() {
        SendKeys.SendKey key = SendKeys.parse("demo:student-2026-1-0123456789abcdef0123:ask:1:email").orElseThrow();
        assertThat(key.tenant()).isEqualTo(DEMO);
        assertThat(key.enrolmentId()).isEqualTo("student-2026-1-0123456789abcdef0123");
        assertThat(key.stepId()).isEqualTo("ask");
        assertThat(key.journeyId()).contains("student-2026");
        assertThat(SendKeys.parse("demo:E-1:ask:1").orElseThrow().journeyId()).isEmpty();
        assertThat(SendKeys.parse("demo:x:ask")).isEmpty();
        assertThat(SendKeys.parse("Demo:x:ask:1")).isEmpty();
        assertThat(SendKeys.parse("demo::ask:1")).isEmpty();
    }

    @Test
    void anOptOutWithdrawsOneConsentAndTellsTheRegisterEvenWhenRepeated() {
        InMemoryContactStore contacts = new InMemoryContactStore();
        Instant granted = Instant.parse("2026-01-01T00:00:00Z");
        contacts.upsert(DEMO, new Contact("M-1", granted, "Kari", null, null, "+4791234567", null, null, null, null,
                null, null, null, Map.of(Channel.SMS, new Consent(true, "register", granted),
                        Channel.EMAIL, new Consent(true, "register", granted)), null, null));
        List<OptOut> told = new ArrayList<>();
        OptOuts optOuts = new OptOuts(contacts, (tenant, optOut) -> told.add(optOut));
        OptOut stopp = new OptOut("M-1", Channel.SMS, "sms-reply", OptOut.OPT_OUT, Instant.parse("2026-11-23T12:00:00Z"),
                "link:1");

        assertThat(optOuts.record(DEMO, stopp)).isEqualTo(ConsentWithdrawal.WITHDRAWN);
        assertThat(optOuts.record(DEMO, stopp)).isEqualTo(ConsentWithdrawal.ALREADY_WITHDRAWN);
        assertThat(optOuts.record(DEMO, new OptOut("M-2", Channel.SMS, "sms-reply", OptOut.OPT_OUT, stopp.at(), "link:2")))
                .isEqualTo(ConsentWithdrawal.NO_CONTACT);

        Contact after = contacts.find(DEMO, "M-1").orElseThrow();
        assertThat(after.consents().get(Channel.SMS)).isEqualTo(new Consent(false, "sms-reply", stopp.at()));
        assertThat(after.consents().get(Channel.EMAIL).granted()).isTrue();
        assertThat(after.updatedAt()).as("the register's time is kept").isEqualTo(granted);
        assertThat(told).containsExactly(stopp, stopp);
    }
}
