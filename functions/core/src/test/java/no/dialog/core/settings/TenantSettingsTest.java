package no.dialog.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.dialog.core.compliance.SendSettings;
import no.dialog.core.contact.Problem;
import no.dialog.core.crypto.RegisterKeyPair;
import no.dialog.core.crypto.RegisterPublicKey;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.privacy.Retention;
import no.dialog.core.privacy.RetentionKind;
import no.dialog.core.send.SenderNames;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;

class TenantSettingsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static final String FULL = """
            {"senderName": "RodeKors", "quietHours": "09:00-20:00",
             "frequencyCaps": {"sms": {"limit": 2, "window": "P14D"}, "email": {"limit": 5, "window": "PT12H"}},
             "branding": {"colour": "#1f5f3f", "logo": "data:image/png;base64,iVBORw0KGgo=", "displayName": "Røde Kors"},
             "landingLinkValidDays": 60, "giroAccount": "8601.11.17947",
             "prices": {"sms": 45, "letter": 1190}, "register": {"bus": false},
             "retention": {"sendLedgerDays": 30, "endedEnrolmentDays": 365}}""";

    @Test
    void aFullDocumentReadsAndIsWrittenToTheKeysTheReadersUse() throws Exception {
        TenantSettings.Parsed parsed = TenantSettings.parse(json(FULL));

        assertThat(parsed.problems()).isEmpty();
        StoredSettings stored = parsed.settings().replacing(
                new StoredSettings(Map.of("email.from", "post@redcross.test", "price.chat", "9"), Map.of(), 4));
        assertThat(stored.flat()).containsOnly(
                Map.entry("email.from", "post@redcross.test"),
                Map.entry(SenderNames.SETTING, "RodeKors"),
                Map.entry("quietHours", "09:00-20:00"),
                Map.entry("branding.colour", "#1f5f3f"),
                Map.entry("branding.logo", "data:image/png;base64,iVBORw0KGgo="),
                Map.entry("branding.senderName", "Røde Kors"),
                Map.entry("landing.validDays", "60"),
                Map.entry("letter.giroAccount", "86011117947"),
                Map.entry("price.sms", "45"),
                Map.entry("price.letter", "1190"),
                Map.entry("register.bus", "false"),
                Map.entry("retention.sendLedgerDays", "30"),
                Map.entry("retention.endedEnrolmentDays", "365"));
        assertThat(stored.frequencyCaps()).containsOnly(
                Map.entry(SendChannel.SMS, new FrequencyCap(2, Duration.ofDays(14))),
                Map.entry(SendChannel.EMAIL, new FrequencyCap(5, Duration.ofHours(12))));
        // What the send-time rules and the SMS sender read from that tenant:
        Tenant tenant = new Tenant(TenantId.of("redcross"), "Røde Kors", Instant.EPOCH, stored.flat());
        assertThat(SendSettings.of(tenant).quietHours().from()).hasToString("09:00");
        assertThat(SenderNames.choose(null, tenant)).contains("RodeKors");
    }

    @Test
    void theJsonFormReadsBackToTheSameSettings() throws Exception {
        TenantSettings settings = TenantSettings.parse(json(FULL)).settings();
        StoredSettings stored = settings.replacing(new StoredSettings(Map.of(), Map.of(), 0));

        JsonNode shown = TenantSettings.of(stored).toJson(7);

        assertThat(shown.get("revision").asLong()).isEqualTo(7);
        assertThat(shown.get("frequencyCaps").get("sms").get("window").asText()).isEqualTo("P14D");
        assertThat(shown.get("frequencyCaps").get("email").get("window").asText()).isEqualTo("PT12H");
        assertThat(TenantSettings.parse(shown).settings()).isEqualTo(settings);
    }

    @Test
    void leavingAFieldOutRemovesItsKeyButKeepsKeysOwnedElsewhere() throws Exception {
        StoredSettings current = new StoredSettings(Map.of("quietHours", "09:00-20:00", "price.sms", "40",
                "vipps.clientId", "abc"), Map.of(SendChannel.SMS, new FrequencyCap(1, Duration.ofDays(1))), 2);

        StoredSettings replaced = TenantSettings.parse(json("{\"senderName\": \"Demo\"}")).settings().replacing(current);

        assertThat(replaced.flat()).containsOnly(Map.entry("vipps.clientId", "abc"), Map.entry("sms.sender", "Demo"));
        assertThat(replaced.frequencyCaps()).isEmpty();
    }

    @Test
    void everyProblemIsNamedByItsPath() throws Exception {
        TenantSettings.Parsed parsed = TenantSettings.parse(json("""
                {"senderName": "1Bad sender!", "quietHours": "21:00-08:00",
                 "frequencyCaps": {"sms": {"limit": 0, "window": "P2Y"}, "fax": {"limit": 1, "window": "P1D"},
                                   "email": {"window": "nonsense"}},
                 "branding": {"colour": "#ffcc00", "font": "Comic"},
                 "landingLinkValidDays": 400, "giroAccount": "15030512345",
                 "prices": {"sms": -1, "letter": 10.5}, "register": {"bus": "yes"}, "colour": "#000000",
                 "retention": {"sendLedgerDays": 400, "landingLinkDaysAfterExpiry": 1, "forever": 10}}"""));

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems()).extracting(Problem::field).containsExactlyInAnyOrder(
                "colour", "senderName", "quietHours", "frequencyCaps.sms.limit", "frequencyCaps.sms.window",
                "frequencyCaps.fax", "frequencyCaps.email.limit", "frequencyCaps.email.window", "branding.font",
                "branding.colour", "landingLinkValidDays", "giroAccount", "prices.sms", "prices.letter", "register.bus",
                "retention.sendLedgerDays", "retention.landingLinkDaysAfterExpiry", "retention.forever");
        assertThat(parsed.problems()).filteredOn(p -> p.field().equals("retention.sendLedgerDays")).first()
                .extracting(Problem::reason).asString().contains("from 15 to 90");
        assertThat(parsed.problems()).filteredOn(p -> p.field().equals("branding.colour")).first()
                .extracting(Problem::reason).asString().contains("1.51:1").contains("4.5:1");
        assertThat(parsed.problems()).extracting(Problem::reason).noneMatch(r -> r.contains("15030512345"));
    }

    @Test
    void aRetentionOutsideThePlatformsBoundsIsBroughtWithinThemWhenRead() {
        assertThat(RetentionKind.SEND_LEDGER.period(null)).isEqualTo(Duration.ofDays(90));
        assertThat(RetentionKind.SEND_LEDGER.period("30")).isEqualTo(Duration.ofDays(30));
        assertThat(RetentionKind.SEND_LEDGER.period("3")).as("never shorter than redelivery").isEqualTo(Duration.ofDays(15));
        assertThat(RetentionKind.ENDED_ENROLMENT.period("5000")).isEqualTo(Retention.ENDED_ENROLMENT);
        assertThat(RetentionKind.RUN_STAGING.period("soon")).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void theRegistersPublicKeyIsCheckedStoredAndShownWithItsKeyId() throws Exception {
        String pem = RegisterKeyPair.shared().publicPem();
        ObjectNode body = (ObjectNode) json("{}");
        body.putObject("register").put("bus", true).put("publicKey", pem);

        TenantSettings.Parsed parsed = TenantSettings.parse(body);

        assertThat(parsed.problems()).isEmpty();
        StoredSettings stored = parsed.settings().replacing(new StoredSettings(Map.of(), Map.of(), 0));
        assertThat(stored.flat()).containsEntry(RegisterPublicKey.SETTING, pem.strip() + "\n");
        JsonNode shown = TenantSettings.of(stored).toJson(1);
        assertThat(shown.get("register").get("publicKeyId").asText()).isEqualTo(RegisterPublicKey.parse(pem).keyId());
        assertThat(TenantSettings.parse(shown).settings()).as("GET's document goes back with PUT").isEqualTo(parsed.settings());

        ((ObjectNode) body.get("register")).put("publicKey", RegisterKeyPair.generate(2048).publicPem());
        assertThat(TenantSettings.parse(body).problems()).extracting(Problem::field, Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("register.publicKey",
                        "must be an RSA key of at least 3072 bits, was 2048"));
        ((ObjectNode) body.get("register")).put("publicKey", "not a key");
        assertThat(TenantSettings.parse(body).problems()).extracting(Problem::field).containsExactly("register.publicKey");
    }

    @Test
    void contrastIsWcagsRatio() {
        assertThat(Contrast.ratio("#000000", "#ffffff")).isEqualTo(21.0);
        assertThat(Contrast.ratio("#767676", "#ffffff")).isGreaterThanOrEqualTo(4.5);
        assertThat(Contrast.ratio("#777777", "#ffffff")).isLessThan(4.5);
        assertThat(Contrast.ratio("#ffffff", "#777777")).isEqualTo(Contrast.ratio("#777777", "#ffffff"));
    }

    @Test
    void accountNumbersAreCheckedWithMod11() {
        assertThat(AccountNumbers.normalised("8601 11 17947")).isEqualTo("86011117947");
        assertThat(AccountNumbers.normalised("12345678903")).isEqualTo("12345678903");
        assertThat(AccountNumbers.normalised("12345678901")).isNull();
        assertThat(AccountNumbers.normalised("1234567890")).isNull();
        assertThat(AccountNumbers.normalised("abcdefghijk")).isNull();
    }
}
