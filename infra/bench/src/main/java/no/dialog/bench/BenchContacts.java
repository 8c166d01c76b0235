package no.dialog.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.time.OsloTime;
import no.dialog.local.demo.DemoContacts;

/**
 * The demo register's contacts ({@link DemoContacts}, deterministic) read as the sync function reads
 * them, plus one custom attribute the register of a donor organisation would export: whether a
 * regular donor raised the monthly amount in the last twelve months ({@code upgradedLast12Months}),
 * since Dialog has no field for upgrades.
 */
final class BenchContacts {

    private static final ContactJson JSON =
            new ContactJson(Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), OsloTime.ZONE));

    private BenchContacts() {}

    static Contact contact(int n) {
        ObjectNode node = DemoContacts.contact(n);
        ObjectNode donor = (ObjectNode) node.get("donor");
        if (donor != null && donor.path("regularDonor").asBoolean()) {
            SplittableRandom random = new SplittableRandom(n * 0x2545F4914F6CDD1DL);
            int roll = random.nextInt(100);
            if (roll < 70) { // the register exports the flag for most regular donors, true for some
                node.putObject("attributes").put("upgradedLast12Months", roll < 18);
            }
        }
        ContactJson.Parsed parsed = JSON.read(node);
        if (!parsed.ok()) {
            throw new IllegalStateException("generated contact " + n + " is invalid: " + parsed.problems());
        }
        return parsed.contact();
    }
}
