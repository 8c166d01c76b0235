package no.dialog.core.payment.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactStore;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.payment.Payer;
import no.dialog.core.tenant.TenantId;

/**
 * {@link PayerLookup} over a {@link ContactStore}: phone through {@link ContactStore#findByPhone} (indexed),
 * account and name in one pass over the tenant's contacts. The pass is fine for the few payments a day
 * that lack a KID; a tenant with millions of contacts wants an adapter with account and name indexes.
 */
public final class ContactsPayerLookup implements PayerLookup {

    private final ContactStore contacts;

    public ContactsPayerLookup(ContactStore contacts) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
    }

    @Override
    public List<PayerMatch> find(TenantId tenant, Payer payer) {
        List<PayerMatch> found = new ArrayList<>();
        Optional<String> phone = Optional.ofNullable(payer.phone()).flatMap(PhoneNumbers::toE164);
        if (phone.isPresent()) {
            List<String> ids = contacts.findByPhone(tenant, phone.get());
            ids.forEach(id -> found.add(new PayerMatch(id, PayerKey.PHONE, ids.size())));
        }
        String account = digits(payer.account());
        Set<String> name = PayerNames.words(payer.name());
        if (account.isEmpty() && name.size() < 2) {
            return found;
        }
        List<String> byAccount = new ArrayList<>();
        List<String> byName = new ArrayList<>();
        contacts.forEach(tenant, contact -> {
            if (!account.isEmpty() && account.equals(digits(accountOf(contact)))) {
                byAccount.add(contact.id());
            }
            if (PayerNames.matches(name, contact.firstName(), contact.lastName())) {
                byName.add(contact.id());
            }
        });
        byAccount.forEach(id -> found.add(new PayerMatch(id, PayerKey.ACCOUNT, byAccount.size())));
        byName.forEach(id -> found.add(new PayerMatch(id, PayerKey.NAME, byName.size())));
        return found;
    }

    private static String accountOf(Contact contact) {
        Object value = contact.attributes().get(ACCOUNT_ATTRIBUTE);
        return value == null ? null : value.toString();
    }

    /** "1234.56.78903" and "12345678903" are the same account. */
    static String digits(String account) {
        return account == null ? "" : account.replaceAll("\\D", "");
    }
}
