package no.dialog.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Reservations;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.send.SendRules;
import no.dialog.core.send.SendVerdict;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallListMakerTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant MONDAY_NINE = Instant.parse("2026-11-30T08:00:00Z");
    private static final RunRef RUN = new RunRef(DEMO, SendChannel.TELEMARKETING, "renew.v1.call.2026-11-23.1");

    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final List<byte[]> written = new ArrayList<>();
    private final RunFileStore files = new RunFileStore() {
        @Override
        public RunFile put(RunRef run, String name, byte[] content, String contentType) {
            written.add(content);
            return new RunFile(name, RunFileStore.key(run, name), contentType, "https://link", NOW.plusSeconds(60));
        }

        @Override
        public RunFile describe(String key, String name, String contentType) {
            throw new UnsupportedOperationException();
        }
    };
    private final TenantDirectory tenants = new TenantDirectory() {
        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.of(new Tenant(id, "Demo", NOW));
        }

        @Override
        public boolean createIfAbsent(Tenant tenant) {
            return false;
        }

        @Override
        public List<TenantId> all() {
            return List.of(DEMO);
        }
    };
    // Stands in for the compliance rules: reservation refuses, no phone is unreachable, "later" waits.
    private final SendRules rules = (tenant, contact, channel, now) -> {
        assertThat(channel).isEqualTo(SendChannel.TELEMARKETING);
        if (contact.phone() == null) {
            return new SendVerdict.Unreachable("no phone number");
        }
        if (contact.reservations().telemarketing()) {
            return new SendVerdict.Refused("reservation register");
        }
        if ("later".equals(contact.attributes().get("window"))) {
            return new SendVerdict.NotBefore(MONDAY_NINE, "calling window");
        }
        return SendVerdict.allowed();
    };

    @BeforeEach
    void people() {
        contacts.upsert(DEMO, contact("C-1", "+4791234567", Reservations.NONE, Map.of()));
        contacts.upsert(DEMO, contact("C-2", "+4791234568", new Reservations(true, false, true, false), Map.of()));
        contacts.upsert(DEMO, contact("C-3", null, Reservations.NONE, Map.of()));
        contacts.upsert(DEMO, contact("C-4", "+4740000004", Reservations.NONE, Map.of()));
    }

    private static Contact contact(String id, String phone, Reservations reservations, Map<String, Object> attributes) {
        return new Contact(id, NOW.minusSeconds(3600), "Kari", "Nord, mann", null, phone, null, null, null, null, null,
                null, null, null, reservations, attributes);
    }

    private static RunItem item(String contactId) {
        return new RunItem(DEMO, SendChannel.TELEMARKETING, "renew", 1, "call", LocalDate.of(2026, 11, 23),
                "demo:E-" + contactId + ":call:1", contactId, Map.of(CallListItems.FIRST_NAME, "Kari",
                CallListItems.LAST_NAME, "Nord, mann", CallListItems.PHONE, "+4700000000",
                CallListItems.SCRIPT, "Hei Kari! Du ga 500 kr sist.", CallListItems.FIELD_PREFIX + "lastGiftAmount", "500 kr"));
    }

    private static Run run() {
        return new Run(RUN, "renew", 1, "call", RunStatus.CLOSING, NOW, null, 0, 0, List.of());
    }

    @Test
    void listsOnlyThePeopleWhoMayBeCalledNowWithTheirCurrentNumberAndTheCallbackReference() {
        List<RunItem> items = List.of(item("C-1"), item("C-2"), item("C-3"), item("C-4"), item("C-gone"));

        RunOutput output = new CallListMaker(tenants, contacts, rules, files).make(run(), items, NOW);

        assertThat(output.waiting()).isFalse();
        assertThat(output.people()).isEqualTo(2);
        assertThat(output.excluded()).isEqualTo(3);
        assertThat(output.files()).singleElement().satisfies(file -> {
            assertThat(file.key()).isEqualTo("demo/telemarketing/renew.v1.call.2026-11-23.1/call-list.csv");
            assertThat(file.link()).isEqualTo("https://link");
        });
        String csv = new String(written.get(0), 3, written.get(0).length - 3, StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).containsExactly(
                "reference,contactId,firstName,lastName,phone,script,field.lastGiftAmount",
                "demo:E-C-1:call:1,C-1,Kari,\"Nord, mann\",+4791234567,Hei Kari! Du ga 500 kr sist.,500 kr",
                "demo:E-C-4:call:1,C-4,Kari,\"Nord, mann\",+4740000004,Hei Kari! Du ga 500 kr sist.,500 kr");
    }

    @Test
    void waitsForTheCallingWindowWhenAnyoneMayNotBeCalledYet() {
        contacts.upsert(DEMO, contact("C-5", "+4791234569", Reservations.NONE, Map.of("window", "later")));

        RunOutput output = new CallListMaker(tenants, contacts, rules, files).make(run(),
                List.of(item("C-1"), item("C-5")), NOW);

        assertThat(output.waiting()).isTrue();
        assertThat(output.notBefore()).isEqualTo(MONDAY_NINE);
        assertThat(written).isEmpty();
    }
}
