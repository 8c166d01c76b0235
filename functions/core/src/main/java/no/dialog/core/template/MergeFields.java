package no.dialog.core.template;

import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;

/**
 * The values a template may use for one person, by merge field name. Values are text (amounts and dates
 * already formatted in Norwegian) or null when unknown; null renders as nothing. {@code attributes} is
 * the organisation's own fields, where a missing key also reads as null rather than failing the send.
 */
public final class MergeFields {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String FULL_NAME = "fullName";
    public static final String ORGANISATION = "organisation";
    public static final String LINK = "link";
    public static final String JOURNEY_NAME = "journeyName";
    public static final String MEMBERSHIP_TYPE = "membershipType";
    public static final String LAST_GIFT_AMOUNT = "lastGiftAmount";
    public static final String SUM_12_MONTHS = "sum12Months";
    public static final String AMOUNT = "amount";
    public static final String TODAY = "today";
    public static final String ATTRIBUTES = "attributes";
    /** E-mail only in practice: where the person's unsubscribe link goes (else the footer gets one). */
    public static final String UNSUBSCRIBE_LINK = "unsubscribeLink";

    /**
     * What {@code unsubscribeLink} renders as: the link is per person and message, so the e-mail delivery
     * swaps this for the real one after rendering. URL-safe, so HTML escaping leaves it as it is.
     */
    public static final String UNSUBSCRIBE_PLACEHOLDER = "https://dialog.invalid/unsubscribe";

    /** The giro's KID: only letters fill it (a letter template that uses it gets a giro slip); empty elsewhere. */
    public static final String KID = "kid";

    /** Every name a template may use, in the order the documentation lists them. */
    public static final Set<String> NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            FIRST_NAME, LAST_NAME, FULL_NAME, ORGANISATION, LINK, JOURNEY_NAME, MEMBERSHIP_TYPE,
            LAST_GIFT_AMOUNT, SUM_12_MONTHS, AMOUNT, TODAY, ATTRIBUTES, UNSUBSCRIBE_LINK, KID)));

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Map<String, Object> values;

    private MergeFields(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static MergeFields of(Contact contact, MessageContext context) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(context, "context");
        Map<String, Object> values = new HashMap<>();
        values.put(FIRST_NAME, blankToNull(contact.firstName()));
        values.put(LAST_NAME, blankToNull(contact.lastName()));
        values.put(FULL_NAME, fullName(contact));
        values.put(ORGANISATION, context.organisationName());
        values.put(LINK, context.link() == null ? LandingLinks.PLACEHOLDER : context.link());
        values.put(JOURNEY_NAME, context.journeyName());
        values.put(MEMBERSHIP_TYPE, activeMembershipType(contact));
        DonorFacts donor = contact.donor();
        values.put(LAST_GIFT_AMOUNT, donor == null ? null : amount(donor.lastGiftAmountOre()));
        values.put(SUM_12_MONTHS, donor == null ? null : amount(donor.sumLast12MonthsOre()));
        values.put(AMOUNT, amount(context.amountOre()));
        values.put(TODAY, NORWEGIAN_DATE.format(context.today()));
        values.put(ATTRIBUTES, new OptionalKeysMap(contact.attributes()));
        values.put(UNSUBSCRIBE_LINK, UNSUBSCRIBE_PLACEHOLDER);
        values.put(KID, null);
        return new MergeFields(values);
    }

    /** These fields with one more value set (a letter's {@link #KID}, known only to the letter channel). */
    public MergeFields with(String name, Object value) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown merge field '" + name + "'");
        }
        Map<String, Object> copy = new HashMap<>(values);
        copy.put(name, value);
        return new MergeFields(copy);
    }

    /** Every field by name, nulls included (the template engine needs each name present). */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String name) {
        return values.get(name);
    }

    private static String fullName(Contact contact) {
        String first = blankToNull(contact.firstName());
        String last = blankToNull(contact.lastName());
        if (first == null || last == null) {
            return first == null ? last : first;
        }
        return first + " " + last;
    }

    // The first active membership in register order: the register lists the main membership first.
    private static String activeMembershipType(Contact contact) {
        for (Membership membership : contact.memberships()) {
            if (membership.status() == MembershipStatus.ACTIVE) {
                return membership.type();
            }
        }
        return null;
    }

    private static String amount(Long ore) {
        return ore == null ? null : NorwegianAmounts.format(ore);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
