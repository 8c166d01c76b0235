package no.dialog.aws.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.order.OrderUtil;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.core.privacy.HmacPseudonyms;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.privacy.Pseudonyms;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;

/**
 * Which erasure steps a function gets from its environment, and in which order: every store of
 * docs/privacy.md ("Erasure"), ordered by their {@code @Order}, and the pseudonym key read from Secrets
 * Manager. The beans are only built here; each store's rule is tested against the emulators in its own test.
 */
class ErasureStoresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);
    private static final String KEY = "the-pseudonym-key-of-the-erasure-stores-test-0123456789";

    private static ApplicationContext context(Map<String, String> env) {
        Emulators emulators = SharedEmulators.get();
        return FunctionContexts.start(env, FunctionContexts.endpoints("eu-north-1", "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), emulators.s3Endpoint(), null,
                emulators.secretsManagerEndpoint()), CLOCK);
    }

    @Test
    void aFunctionWithEveryTableAndBucketErasesEveryStoreInOrder() {
        String arn = SharedEmulators.get().secretsManager().createSecret(b -> b
                .name("test/pseudonym-" + UUID.randomUUID())
                .secretString("{\"format\":\"text\",\"key\":\"" + KEY + "\"}")).arn();
        Map<String, String> env = new HashMap<>();
        for (String table : List.of("CONTACTS", "ENROLMENTS", "SEND_LEDGER", "LANDING_LINKS", "PAYMENTS", "RUN_FILES")) {
            env.put(table + "_TABLE", table.toLowerCase());
        }
        for (String bucket : List.of("EXPORTS", "SNAPSHOTS", "IMPORTS")) {
            env.put(bucket + "_BUCKET", bucket.toLowerCase());
        }
        env.put("PSEUDONYM_KEY_SECRET_ARN", arn);
        try (ApplicationContext context = context(env)) {
            List<PersonalData> stores = new ArrayList<>(context.getBeansOfType(PersonalData.class));
            OrderUtil.sort(stores);

            // The stores that know the person by phone number first, while the contact still has it; then the
            // contact's tombstone, so nothing more is sent to them; then everything found through the person.
            assertThat(stores).extracting(PersonalData::store).containsExactly("giver-candidates",
                    "unmatched-payments", "contacts", "enrolments", "send-ledger", "landing-links", "payments",
                    "run-files", "segment-snapshots", "prediction-tables", "import-files", "kid-numbers");
            Pseudonyms expected = new HmacPseudonyms(() -> KEY.getBytes(StandardCharsets.UTF_8));
            assertThat(context.getBean(Pseudonyms.class).of(TenantId.of("demo"), "M-1"))
                    .isEqualTo(expected.of(TenantId.of("demo"), "M-1"));
        }
    }

    @Test
    void withoutThePseudonymKeyThereIsNoPaymentStepAndTheOthersStay() {
        try (ApplicationContext context = context(Map.of("PAYMENTS_TABLE", "payments", "CONTACTS_TABLE", "contacts"))) {
            List<PersonalData> stores = new ArrayList<>(context.getBeansOfType(PersonalData.class));
            OrderUtil.sort(stores);
            assertThat(stores).extracting(PersonalData::store)
                    .containsExactly("giver-candidates", "unmatched-payments", "contacts");
        }
    }
}
