package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.payment.GiverCandidates;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.payment.PaymentIds;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentLedger;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayments;
import no.dialog.core.payment.vipps.DonationCursors;
import no.dialog.core.payment.vipps.VippsEventInbox;
import no.dialog.core.payment.vipps.VippsPaymentStore;
import no.dialog.core.payment.vipps.VippsSettings;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.Test;

/** Which payment beans a function gets from its environment, as in Lambda. */
class PaymentsFactoryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

    private static ApplicationContext context(Map<String, String> env) {
        Emulators emulators = SharedEmulators.get();
        return FunctionContexts.start(env, FunctionContexts.endpoints("eu-north-1", "local", "local",
                emulators.dynamoDbEndpoint(), emulators.sqsEndpoint(), null, null), CLOCK);
    }

    @Test
    void aFunctionWithoutThePaymentsTableHasNoPaymentBeansAndStarts() {
        try (ApplicationContext context = context(Map.of("CONTACTS_TABLE", "contacts"))) {
            assertThat(context.containsBean(PaymentRegistrar.class)).isFalse();
            assertThat(context.containsBean(PaymentLedger.class)).isFalse();
            assertThat(context.containsBean(GiverCandidates.class)).isFalse();
            assertThat(context.containsBean(VippsPaymentStore.class)).isFalse();
            assertThat(context.containsBean(VippsEventInbox.class)).isFalse();
            assertThat(context.containsBean(DonationCursors.class)).isFalse();
            assertThat(context.containsBean(UnmatchedPayments.class)).isFalse();
        }
    }

    @Test
    void vippsSettingsComeFromSecretsManagerUnlessTheEnvironmentSaysTenantSettings() {
        try (ApplicationContext context = context(Map.of("DIALOG_STAGE", "test", "TENANTS_TABLE", "tenants"))) {
            assertThat(context.getBeanDefinition(VippsSettings.class).getBeanType())
                    .isEqualTo(SecretsManagerVippsSettings.class);
            assertThat(context.getBean(SecretsManagerVippsSettings.class).secretName(TenantId.of("redcross")))
                    .isEqualTo("dialog/test/tenants/redcross/vipps");
        }
        // Either source reads the tenants table: without it (a function without Vipps) there are no Vipps settings.
        try (ApplicationContext context = context(Map.of("VIPPS_SETTINGS", "tenant-settings", "TENANTS_TABLE", "tenants"))) {
            assertThat(context.getBeanDefinition(VippsSettings.class).getBeanType())
                    .isEqualTo(TenantSettingsVippsSettings.class);
        }
    }

    @Test
    void withThePaymentsTableTheRegistrarAndStoresUseIt() {
        Emulators emulators = SharedEmulators.get();
        String table = TestTables.payments(emulators.dynamoDb());
        Map<String, String> env = new HashMap<>();
        env.put("PAYMENTS_TABLE", table);
        env.put("CONTACTS_TABLE", TestTables.contacts(emulators.dynamoDb()));
        env.put("RESPONSES_QUEUE_URL", emulators.sqs().createQueue(b -> b.queueName("payments-factory-responses"))
                .queueUrl());
        env.put("EVENT_BUS_NAME", "dialog-test");
        try (ApplicationContext context = context(env)) {
            assertThat(context.getBean(PaymentRegistrar.class)).isNotNull();
            assertThat(context.getBean(PaymentEvents.class)).isInstanceOf(EventBridgePaymentEvents.class);
            assertThat(context.getBean(GiverCandidates.class)).isInstanceOf(DynamoDbGiverCandidates.class);
            assertThat(context.getBean(VippsPaymentStore.class)).isInstanceOf(DynamoDbVippsPaymentStore.class);
            assertThat(context.getBean(VippsEventInbox.class)).isInstanceOf(DynamoDbVippsEventInbox.class);
            assertThat(context.getBean(DonationCursors.class)).isInstanceOf(DynamoDbDonationCursors.class);
            assertThat(context.getBean(UnmatchedPayments.class)).isInstanceOf(DynamoDbUnmatchedPayments.class);

            RegisteredPayment payment = new RegisteredPayment(PaymentIds.of(PaymentSource.OCR_GIRO, "f1/1"),
                    PaymentKind.INVOICE, PaymentSource.OCR_GIRO, "C-1", 30_000, CLOCK.instant(), "f1/1", null, false);
            assertThat(context.getBean(PaymentLedger.class).add(TenantId.of("redcross"), payment)).isTrue();
            assertThat(new DynamoDbPaymentLedger(emulators.dynamoDb(), table).find(TenantId.of("redcross"),
                    payment.paymentId())).isPresent();
        }
    }
}
