package no.dialog.aws.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.testing.EventFiles;
import no.dialog.aws.testing.TestTables;
import no.dialog.core.contact.Contact;
import no.dialog.core.journey.Signal;
import no.dialog.core.payment.Attribution;
import no.dialog.core.payment.IncomingPayment;
import no.dialog.core.payment.Payer;
import no.dialog.core.payment.PaymentEvents;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentRegistrar;
import no.dialog.core.payment.PaymentRegistrar.Identification;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The registrar on the DynamoDB stores (ledger, candidates, contacts), with the bus and the responses
 * recorded; the bus events it makes have the fields the examples in events/bus/ show (docs/payments.md).
 */
class PaymentRegistrarOnDynamoDbTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId TENANT = TenantId.of("demo");
    private static final Instant AT = Instant.parse("2026-12-01T18:42:05Z");
    private static final Clock CLOCK = Clock.fixed(AT.plusSeconds(2), ZoneOffset.UTC);

    private static DynamoDbContactStore contacts;
    private static DynamoDbPaymentLedger ledger;
    private static PaymentRegistrar registrar;
    private static final List<PaymentEvents.BusEvent> EVENTS = new ArrayList<>();
    private static final List<Signal> RESPONSES = new ArrayList<>();

    @BeforeAll
    static void stores() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        String payments = TestTables.payments(dynamoDb);
        contacts = new DynamoDbContactStore(dynamoDb, TestTables.contacts(dynamoDb), CLOCK, 4);
        ledger = new DynamoDbPaymentLedger(dynamoDb, payments);
        registrar = new PaymentRegistrar(ledger, new DynamoDbGiverCandidates(dynamoDb, payments), contacts,
                (tenant, signals) -> RESPONSES.addAll(signals), (tenant, events) -> EVENTS.addAll(events), CLOCK);
    }

    private static JsonNode exampleDetail(String file) throws Exception {
        return JSON.readTree(EventFiles.read("bus", file)).get("detail");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fields().forEachRemaining(field -> {
            names.add(field.getKey());
            if (field.getValue().isObject()) {
                field.getValue().fieldNames().forEachRemaining(inner -> names.add(field.getKey() + "." + inner));
            }
        });
        return names;
    }

    private static PaymentEvents.BusEvent only(String detailType) {
        List<PaymentEvents.BusEvent> found = EVENTS.stream().filter(e -> e.detailType().equals(detailType)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void aGiftFromALandingPageIsRegisteredOnceWithTheFieldsOfTheExample() throws Exception {
        EVENTS.clear();
        RESPONSES.clear();
        IncomingPayment gift = new IncomingPayment(PaymentSource.VIPPS_EPAYMENT, "dlg-7c3e9a01b2d4", PaymentKind.GIFT,
                25_000, AT, "M-100001", null, new Attribution("christmas-appeal", 3, "ask-gift", "B", "E-1"), null);

        assertThat(registrar.register(TENANT, gift).identification()).isEqualTo(Identification.GIVEN);
        assertThat(registrar.register(TENANT, gift).identification()).isEqualTo(Identification.ALREADY_REGISTERED);

        JsonNode detail = only("GiftReceived").detail();
        assertThat(fields(detail)).isEqualTo(fields(exampleDetail("gift-received.json")));
        assertThat(detail.get("paymentId").asText()).isEqualTo(gift.paymentId());
        assertThat(RESPONSES).hasSize(1);
        assertThat(RESPONSES.get(0).type()).isEqualTo(PaymentRegistrar.PAID);
        assertThat(ledger.find(TENANT, gift.paymentId()).orElseThrow().settled()).isTrue();
        assertThat(ledger.forContact(TENANT, "M-100001")).extracting(p -> p.paymentId())
                .containsExactly(gift.paymentId());
    }

    @Test
    void aGiftInTheAppFromAnUnknownNumberMakesOneCandidateAndTheEventsOfTheExamples() throws Exception {
        EVENTS.clear();
        Payer kari = new Payer("Kari Nordmann", "+4791234567", null);
        IncomingPayment first = new IncomingPayment(PaymentSource.VIPPS_APP, "1000234871", PaymentKind.GIFT, 10_000, AT,
                null, kari, null, "God jul");
        IncomingPayment second = new IncomingPayment(PaymentSource.VIPPS_APP, "1000234999", PaymentKind.GIFT, 5_000,
                AT.plusSeconds(3600), null, kari, null, null);

        assertThat(registrar.register(TENANT, first).identification()).isEqualTo(Identification.NEW_GIVER);
        JsonNode found = only("GiverCandidateFound").detail();
        assertThat(fields(found)).isEqualTo(fields(exampleDetail("giver-candidate-found.json")));
        JsonNode gift = only("GiftReceived").detail();
        assertThat(fields(gift)).isEqualTo(fields(exampleDetail("gift-received-candidate.json")));
        String candidateId = found.get("candidateId").asText();
        assertThat(gift.get("contactId").asText()).isEqualTo(candidateId);
        Contact candidate = contacts.find(TENANT, candidateId).orElseThrow();
        assertThat(candidate.phone()).isEqualTo("+4791234567");

        EVENTS.clear();
        assertThat(registrar.register(TENANT, second).payment().contactId()).isEqualTo(candidateId);
        assertThat(EVENTS).extracting(PaymentEvents.BusEvent::detailType).containsExactly("GiftReceived");
    }

    @Test
    void anInvoicePaidByGiroHasTheFieldsOfThePaymentReceivedExample() throws Exception {
        EVENTS.clear();
        IncomingPayment paid = new IncomingPayment(PaymentSource.OCR_GIRO, "OCR.D021226.0001/3", PaymentKind.INVOICE,
                45_000, AT, "M-100002", null, new Attribution("membership-renewal", 2, "letter-giro", null, null), null);
        registrar.register(TENANT, paid);
        assertThat(fields(only("PaymentReceived").detail())).isEqualTo(fields(exampleDetail("payment-received.json")));
    }
}
