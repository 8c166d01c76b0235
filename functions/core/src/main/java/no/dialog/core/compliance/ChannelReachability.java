package no.dialog.core.compliance;

import java.util.Optional;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.EmailAddresses;
import no.dialog.core.contact.PhoneNumbers;
import no.dialog.core.contact.PostalAddress;
import no.dialog.core.journey.SendChannel;

/**
 * What a person needs for a channel to reach them at all: a mobile number for SMS and chat, any phone
 * number for a call, an e-mail address for e-mail and newsletters, a postal address for letters and
 * print. A person without it takes the step's fallback channel.
 */
public final class ChannelReachability {

    private ChannelReachability() {}

    /** @return why the contact cannot be reached on the channel, or empty if they can */
    public static Optional<String> unreachable(Contact contact, SendChannel channel) {
        switch (channel) {
            case SMS:
            case CHAT:
                return contact.phone() != null && PhoneNumbers.isMobile(contact.phone())
                        ? Optional.empty() : Optional.of("no mobile number");
            case TELEMARKETING:
                return contact.phone() != null && !contact.phone().isBlank()
                        ? Optional.empty() : Optional.of("no phone number");
            case EMAIL:
            case NEWSLETTER:
                return contact.email() != null && EmailAddresses.normalise(contact.email()).isPresent()
                        ? Optional.empty() : Optional.of("no e-mail address");
            case LETTER:
            case PRINT:
                return complete(contact.address()) ? Optional.empty() : Optional.of("no postal address");
            default:
                throw new IllegalArgumentException("unknown channel " + channel);
        }
    }

    private static boolean complete(PostalAddress address) {
        return address != null && present(address.street()) && present(address.postcode()) && present(address.city());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
