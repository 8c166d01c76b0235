package no.dialog.core.privacy.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.journey.EnrolmentState;
import no.dialog.core.paging.Page;
import no.dialog.core.paging.PageRequest;
import no.dialog.core.payment.PaymentKind;
import no.dialog.core.payment.PaymentSource;
import no.dialog.core.payment.RegisteredPayment;
import no.dialog.core.payment.UnmatchedPayment;
import no.dialog.core.segment.SegmentDefinition;
import no.dialog.core.segment.SegmentStore;
import no.dialog.core.send.LedgerEntry;
import no.dialog.core.send.SendState;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import no.dialog.core.testing.InMemoryEnrolments;
import no.dialog.core.time.OsloTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export gathers what each port holds for the person of the caller's tenant, and the timeline tells it. */
class PersonExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String PHONE = "+4791234567";

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final InMemoryEnrolments enrolments = new InMemoryEnrolments();
    private final Map<String, ContactTombstones.Tombstone> tombstones = new HashMap<>();
    private final Map<String, List<LedgerEntry>> ledger = new HashMap<>();
    private final Map<String, List<RegisteredPayment>> paid = new HashMap<>();
    private final List<SegmentDefinition> segments = new ArrayList<>();
    private PersonExporter exporter;
    private PersonPayments payments;

    @BeforeEach
    void wire() {
        payments = new PersonPayments() {
            @Override
            public List<RegisteredPayment> ofContact(TenantId tenant, String contactId) {
                return paid.getOrDefault(tenant.value() + "#" + contactId, List.of());
            }

            @Override
            public List<UnmatchedPayment> unmatched(TenantId tenant, List<String> paymentIds) {
                return paymentIds.stream().filter(id -> id.startsWith("ocr-")).map(id -> new UnmatchedPayment(id,
                        PaymentSource.OCR_GIRO, id, PaymentKind.GIFT, 20_000, NOW.minusSeconds(7200), null, "til Kari",
                        "confirmed", "jul")).toList();
            }

            @Override
            public List<PersonExport.GiverCandidate> candidatesByPhone(TenantId tenant, String e164) {
                return List.of(new PersonExport.GiverCandidate("candidate-x", e164, "Kari", List.of("c-1"),
                        NOW.minusSeconds(9000)));
            }
        };
        exporter = new PersonExporter(contacts,
                (tenant, id) -> Optional.ofNullable(tombstones.get(tenant.value() + "#" + id)),
                (tenant, id) -> ledger.getOrDefault(tenant.value() + "#" + id, List.of()),
                (tenant, entries) -> entries.stream().map(e -> new PersonExport.StagedRunItem("jul.v1.letter.2026-12-01.1",
                        "letter", e.journeyId(), e.version(), "letter", LocalDate.of(2026, 12, 1), "k-" + e.enrolmentId(),
                        NOW.minusSeconds(3000), "CLOSED", List.of(new PersonExport.FileRef("letters.pdf", "drops/demo/21grams/letters.pdf")), Map.of("name", "Kari Nordmann"))).toList(),
                (tenant, id) -> tenant.equals(DEMO) && id.equals("c-1") ? List.of(new PersonExport.LinkRecord("jul", 1,
                        "ask", "jul-1-e", NOW.plusSeconds(86_400), List.of("s-1"), NOW.minusSeconds(1000),
                        List.of(new PersonExport.SealedValue("s-1", "fnr")))) : List.of(),
                enrolments,
                (tenant, id) -> List.of(new PersonExport.CapCounter("sms", Map.of("k-1", NOW.minusSeconds(5000)))),
                payments, new Segments(), Clock.fixed(NOW, OsloTime.ZONE));
    }

    private static Contact kari(String id) {
        return new Contact(id, NOW.minusSeconds(86_400), "Kari", "Nordmann", null, PHONE, "kari@example.no",
                new PostalAddress("Storgata 1", "0155", "Oslo", "NO"), null, null, null, null, null,
                Map.of(Channel.SMS, new Consent(true, "landing-page", NOW.minusSeconds(40_000))), null, null);
    }

    private class Segments implements SegmentStore {
        @Override
        public Optional<SegmentDefinition> find(TenantId tenant, String segmentId) {
            return list(tenant).stream().filter(s -> s.id().equals(segmentId)).findFirst();
        }

        @Override
        public List<SegmentDefinition> list(TenantId tenant) {
            return tenant.equals(DEMO) ? segments : List.of();
        }

        @Override
        public void save(TenantId tenant, SegmentDefinition segment) {
            segments.add(segment);
        }

        @Override
        public boolean delete(TenantId tenant, String segmentId) {
            return segments.removeIf(s -> s.id().equals(segmentId));
        }
    }

    private void seedKari() throws Exception {
        contacts.upsert(DEMO, kari("c-1"));
        Enrolment entry = new Enrolment(DEMO, "jul-1-e", "jul", 1, "c-1", EnrolmentState.WAITING, "wait", NOW.plusSeconds(600),
                NOW.minusSeconds(6000), null, null, Map.of("ask", "A"), Map.of("ask", 1),
                List.of(new Enrolment.ReceivedSignal("answered", Map.of("question", "still-student", "value", "yes"),
                        NOW.minusSeconds(900), "sig-1", "jul")), null, 2);
        enrolments.create(entry, List.of());
        ledger.put("demo#c-1", List.of(new LedgerEntry("demo:jul-1-0123456789abcdef0123:ask:1", "demo", "sms",
                SendState.SENT, "link-1", 1, null, 1, NOW.minusSeconds(5000), NOW.minusSeconds(4990), "c-1")));
        paid.put("demo#c-1", List.of(new RegisteredPayment("ocr-1", PaymentKind.GIFT, PaymentSource.OCR_GIRO, "c-1",
                20_000, NOW.minusSeconds(7000), "ocr-1", null, false)));
        segments.add(new SegmentDefinition("karis", "Called Kari", JSON.readTree(
                "{\"field\":\"firstName\",\"op\":\"equals\",\"value\":\"Kari\"}"), NOW));
        segments.add(new SegmentDefinition("olas", "Called Ola", JSON.readTree(
                "{\"field\":\"firstName\",\"op\":\"equals\",\"value\":\"Ola\"}"), NOW));
        segments.add(new SegmentDefinition("in-jul", "In the Christmas journey", JSON.readTree(
                "{\"field\":\"journey.inNow\",\"op\":\"equals\",\"value\":\"jul\"}"), NOW));
    }

    @Test
    void gathersWhatEachStoreHoldsAboutThePerson() throws Exception {
        seedKari();

        PersonExport export = exporter.export(DEMO, "c-1").orElseThrow();

        assertThat(export.isErased()).isFalse();
        assertThat(export.contact().phone()).isEqualTo(PHONE);
        assertThat(export.contact().consents().get(Channel.SMS).source()).isEqualTo("landing-page");
        assertThat(export.messages()).extracting(LedgerEntry::providerMessageId).containsExactly("link-1");
        assertThat(export.enrolments()).extracting(Enrolment::enrolmentId).containsExactly("jul-1-e");
        assertThat(export.runItems()).extracting(PersonExport.StagedRunItem::key).containsExactly("k-jul-1-e");
        assertThat(export.links()).hasSize(1);
        assertThat(export.frequencyCaps()).extracting(PersonExport.CapCounter::channel).containsExactly("sms");
        assertThat(export.payments()).extracting(RegisteredPayment::paymentId).containsExactly("ocr-1");
        assertThat(export.unmatchedPayments()).extracting(UnmatchedPayment::message).containsExactly("til Kari");
        assertThat(export.giverCandidates()).extracting(PersonExport.GiverCandidate::phone).containsExactly(PHONE);
        assertThat(export.behaviour().inNow()).containsExactly("jul");
        assertThat(export.segments()).extracting(PersonExport.SegmentMembership::segmentId)
                .containsExactlyInAnyOrder("karis", "in-jul");
    }

    @Test
    void thePersonsOwnPredictionsAreInTheirExportAndNobodyElses() throws Exception {
        seedKari();
        var score = new no.dialog.core.predicted.Prediction(java.util.Map.of(no.dialog.core.predicted.ModelKind.DROPOUT_RISK,
                new no.dialog.core.predicted.Prediction.Score(0.31, 9)), Optional.of(Channel.SMS), Optional.of(18));
        no.dialog.core.predicted.PredictionTable table = no.dialog.core.predicted.PredictionTable.builder(NOW,
                java.util.Set.of(no.dialog.core.predicted.ModelKind.DROPOUT_RISK)).add("c-1", score).build();
        no.dialog.core.predicted.PredictionTables tables = new no.dialog.core.predicted.PredictionTables() {
            @Override
            public Optional<no.dialog.core.predicted.PredictionTable> latest(TenantId tenant) {
                return tenant.equals(DEMO) ? Optional.of(table) : Optional.empty();
            }

            @Override
            public void publish(TenantId tenant, no.dialog.core.predicted.PredictionTable t) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean erase(TenantId tenant, String contactId) {
                throw new UnsupportedOperationException();
            }
        };
        PersonExporter withScores = new PersonExporter(contacts, (tenant, id) -> Optional.empty(),
                (tenant, id) -> List.of(), (tenant, entries) -> List.of(), (tenant, id) -> List.of(), enrolments,
                (tenant, id) -> List.of(), payments, new Segments(), tables, Clock.fixed(NOW, OsloTime.ZONE));

        PersonExport kari = withScores.export(DEMO, "c-1").orElseThrow();
        assertThat(kari.prediction().score(no.dialog.core.predicted.ModelKind.DROPOUT_RISK).orElseThrow().decile())
                .isEqualTo(9);
        assertThat(kari.prediction().bestHour()).contains(18);
        assertThat(exporter.export(DEMO, "c-1").orElseThrow().prediction().isEmpty()).as("no score tables here").isTrue();
    }

    @Test
    void anotherTenantsPersonAndAnUnknownOneAreNotFound() throws Exception {
        seedKari();

        assertThat(exporter.export(OTHER, "c-1")).isEmpty();
        assertThat(exporter.export(DEMO, "c-2")).isEmpty();
    }

    @Test
    void anErasedPersonIsTheirTombstoneAlone() throws Exception {
        seedKari();
        contacts.delete(DEMO, "c-1", NOW);
        tombstones.put("demo#c-1", new ContactTombstones.Tombstone(NOW.minusSeconds(60), NOW.minusSeconds(60)));

        PersonExport export = exporter.export(DEMO, "c-1").orElseThrow();

        assertThat(export.isErased()).isTrue();
        assertThat(export.erasedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(export.contact()).isNull();
        assertThat(export.enrolments()).isEmpty();
        assertThat(export.messages()).isEmpty();
        assertThat(PersonTimeline.of(export)).extracting(TimelineEvent::kind).containsExactly("erased");
    }

    @Test
    void aPersonTheRegisterDeletedShowsWhatTheOtherStoresStillHold() throws Exception {
        seedKari();
        contacts.delete(DEMO, "c-1", NOW.minusSeconds(120));
        tombstones.put("demo#c-1", new ContactTombstones.Tombstone(NOW.minusSeconds(120), null));

        PersonExport export = exporter.export(DEMO, "c-1").orElseThrow();

        assertThat(export.isErased()).isFalse();
        assertThat(export.deletedAt()).isEqualTo(NOW.minusSeconds(120));
        assertThat(export.contact()).isNull();
        assertThat(export.enrolments()).hasSize(1);
        assertThat(export.messages()).hasSize(1);
        assertThat(export.payments()).hasSize(1);
        assertThat(export.segments()).isEmpty();
        assertThat(PersonTimeline.of(export)).extracting(TimelineEvent::kind).contains("deleted", "message")
                .doesNotContain("contact-updated");
    }

    @Test
    void theTimelineIsNewestFirstWithContactValuesMasked() throws Exception {
        seedKari();

        List<TimelineEvent> events = PersonTimeline.of(exporter.export(DEMO, "c-1").orElseThrow());

        assertThat(events).extracting(TimelineEvent::kind).contains("contact-updated", "consent", "message", "run-item",
                "answer", "enrolled", "response", "payment", "giver-candidate");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isBeforeOrEqualTo(events.get(i - 1).at());
        }
        assertThat(events).extracting(TimelineEvent::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.summary()).doesNotContain(PHONE, "kari@example.no", "Storgata");
        });
        assertThat(events).filteredOn(e -> e.kind().equals("contact-updated")).singleElement()
                .satisfies(e -> assertThat(e.summary()).contains("+47 ******67", "k***@example.no"));
        assertThat(events).filteredOn(e -> e.kind().equals("message")).singleElement()
                .satisfies(e -> assertThat(e.journeyId()).isEqualTo("jul"));
    }

    @Test
    void aTimelinePageIsCutAfterTheLastEventShown() throws Exception {
        seedKari();
        List<TimelineEvent> events = PersonTimeline.of(exporter.export(DEMO, "c-1").orElseThrow());

        Page<TimelineEvent> first = Page.ofOrdered(events, TimelineEvent::id, PageRequest.first(3));
        Page<TimelineEvent> second = Page.ofOrdered(events, TimelineEvent::id, first.next().orElseThrow());

        assertThat(first.items()).containsExactlyElementsOf(events.subList(0, 3));
        assertThat(second.items()).containsExactlyElementsOf(events.subList(3, Math.min(6, events.size())));
    }
}
