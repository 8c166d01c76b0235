package no.dialog.core.payment.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.payment.Payer;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.InMemoryContactStore;
import org.junit.jupiter.api.Test;

class ContactsPayerLookupTest {

    private static final TenantId DEMO = new TenantId("demo");
    private final InMemoryContactStore contacts = new InMemoryContactStore();
    private final ContactsPayerLookup lookup = new ContactsPayerLookup(contacts);

    private void person(String id, String first, String last, String phone, String account) {
        Map<String, Object> attributes = account == null ? Map.of() : Map.of(PayerLookup.ACCOUNT_ATTRIBUTE, account);
        contacts.upsert(DEMO, new Contact(id, Instant.parse("2026-01-01T00:00:00Z"), first, last, null, phone, null,
                null, List.of(), null, List.of(), List.of(), List.of(), Map.of(), null, attributes));
    }

    @Test
    void findsByPhoneAccountAndNameWithHowManyShareEach() {
        person("c-1", "Kari", "Nordmann", "+4791234567", "1234.56.78903");
        person("c-2", "Kari", "Nordmann", "+4799999999", null);
        person("c-3", "Ola", "Nordmann", "+4791234567", null);

        List<PayerMatch> found = lookup.find(DEMO, new Payer("NORDMANN KARI", "912 34 567", "12345678903"));

        assertThat(found).containsExactlyInAnyOrder(
                new PayerMatch("c-1", PayerKey.PHONE, 2), new PayerMatch("c-3", PayerKey.PHONE, 2),
                new PayerMatch("c-1", PayerKey.ACCOUNT, 1),
                new PayerMatch("c-1", PayerKey.NAME, 2), new PayerMatch("c-2", PayerKey.NAME, 2));
    }

    @Test
    void anUnknownPayerMatchesNobody() {
        person("c-1", "Kari", "Nordmann", "+4791234567", "12345678903");

        assertThat(lookup.find(DEMO, new Payer("Per Hansen", "+4790000000", "99998877766"))).isEmpty();
        assertThat(lookup.find(DEMO, Payer.UNKNOWN)).isEmpty();
        assertThat(lookup.find(new TenantId("other"), new Payer("Kari Nordmann", "+4791234567", "12345678903"))).isEmpty();
    }
}
