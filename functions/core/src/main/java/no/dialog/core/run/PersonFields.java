package no.dialog.core.run;

import java.util.Map;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.PostalAddress;

/** The name and address fields every run item of a postal channel carries, under the same names. */
final class PersonFields {

    static final String NAME = "name";
    static final String STREET = "street";
    static final String POSTCODE = "postcode";
    static final String CITY = "city";
    static final String COUNTRY = "country";

    private PersonFields() {}

    static void putNameAndAddress(Contact contact, Map<String, String> fields) {
        fields.put(NAME, fullName(contact));
        PostalAddress address = contact.address();
        if (address != null) {
            fields.put(STREET, nullToEmpty(address.street()).strip());
            fields.put(POSTCODE, nullToEmpty(address.postcode()).strip());
            fields.put(CITY, nullToEmpty(address.city()).strip());
            fields.put(COUNTRY, nullToEmpty(address.country()).strip());
        }
    }

    static String fullName(Contact contact) {
        String first = nullToEmpty(contact.firstName()).strip();
        String last = nullToEmpty(contact.lastName()).strip();
        return (first + " " + last).strip();
    }

    static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
