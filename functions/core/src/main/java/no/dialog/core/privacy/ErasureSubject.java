package no.dialog.core.privacy;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.contact.Contact;

/**
 * Who is being erased: the organisation's contact id, and the phone numbers and e-mail addresses the contact
 * had when the erasure was asked for. Some stores know a person only by a phone number (giver candidates,
 * unmatched payments), and the contact store's tombstone forgets the number, so the number is captured
 * from the contact at the start of every run and handed to every step; the stores that need it run before
 * the contact's tombstone. It is never kept in the erasure's record or its message.
 *
 * @param phones E.164 numbers ({@code +4791234567})
 * @param emails addresses as the contact holds them
 */
public record ErasureSubject(String contactId, Set<String> phones, Set<String> emails) {

    public ErasureSubject {
        Objects.requireNonNull(contactId, "contactId");
        phones = phones == null ? Set.of() : Set.copyOf(phones);
        emails = emails == null ? Set.of() : Set.copyOf(emails);
    }

    /** A subject known by its contact id alone (the contact was gone before the erasure was asked for). */
    public static ErasureSubject of(String contactId) {
        return new ErasureSubject(contactId, Set.of(), Set.of());
    }

    /** The subject as the contact is now: read it before the contact store's step tombstones it. */
    public static ErasureSubject of(Contact contact) {
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        if (contact.phone() != null && !contact.phone().isBlank()) {
            phones.add(contact.phone());
        }
        if (contact.email() != null && !contact.email().isBlank()) {
            emails.add(contact.email());
        }
        return new ErasureSubject(contact.id(), phones, emails);
    }
}
