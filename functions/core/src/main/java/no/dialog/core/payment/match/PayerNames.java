package no.dialog.core.payment.match;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a payer's name (as a bank or Vipps wrote it) is a contact's name. Banks write "NORDMANN KARI" as
 * often as "Kari Nordmann", and middle names come and go, so a name matches when its words are the
 * contact's words in any order, or include the contact's first given name and last family name.
 */
public final class PayerNames {

    private PayerNames() {}

    /** The payer's name as a set of words; empty when there is no usable name. */
    public static Set<String> words(String name) {
        return new TreeSet<>(Words.of(name));
    }

    public static boolean matches(Set<String> payerWords, String firstName, String lastName) {
        if (payerWords.size() < 2) {
            // One word ("Kari") says too little to tie a payment to a person.
            return false;
        }
        List<String> last = Words.of(lastName);
        // Both rules below need the family name's last word: checked first, as most contacts fail here.
        if (last.isEmpty() || !payerWords.contains(last.get(last.size() - 1))) {
            return false;
        }
        List<String> first = Words.of(firstName);
        if (first.isEmpty()) {
            return false;
        }
        Set<String> contactWords = new TreeSet<>(first);
        contactWords.addAll(last);
        if (contactWords.equals(payerWords)) {
            return true;
        }
        return payerWords.contains(first.get(0)) && payerWords.contains(last.get(last.size() - 1));
    }
}
