package no.dialog.core.compliance;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import no.dialog.core.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's choices for the send-time rules, read from its settings:
 * <ul>
 *   <li>{@value QuietHours#SETTING}: the window SMS and chat go in, {@code HH:mm-HH:mm} Norwegian time;
 *       default {@code 08:00-21:00} ({@link QuietHours}).</li>
 *   <li>{@value #ACTIVE_GIVER_YEARS}: how many years back a gift makes a person an active giver (the
 *       relationship exception), a whole number from 1 to 3; default 3 ({@link GiverRelationship}). The norm
 *       is three years, so an organisation may be stricter, not laxer.</li>
 *   <li>{@value #VOLUNTARY_ORGANISATION}: {@code true} (default) or {@code false}; whether a reservation in the
 *       reservation register applies only when it covers voluntary organisations ({@link ConsentRules}).</li>
 * </ul>
 *
 * <p><b>An invalid value does not stop sending.</b> The settings are read at send time, for every message;
 * refusing there would mark every message of the organisation as not sendable, for good, because of a typo.
 * Instead the rule falls back to its default ({@code false}, the stricter reading, for
 * {@value #VOLUNTARY_ORGANISATION}) and logs a warning naming the tenant and the setting (no personal data),
 * once per value and process. {@link #problems(Tenant)} lists the errors, for whoever writes the settings.
 *
 * @param quietHours            the allowed window for SMS and chat
 * @param activeGiverPeriod     how far back a gift makes an active giver
 * @param voluntaryOrganisation whether register reservations apply only when they cover voluntary organisations
 */
public record SendSettings(QuietHours quietHours, Period activeGiverPeriod, boolean voluntaryOrganisation) {

    public static final String ACTIVE_GIVER_YEARS = "activeGiverYears";
    public static final String VOLUNTARY_ORGANISATION = "voluntaryOrganisation";
    public static final SendSettings DEFAULT =
            new SendSettings(QuietHours.DEFAULT, GiverRelationship.ACTIVE_GIVER_PERIOD, true);

    private static final Logger LOG = LoggerFactory.getLogger(SendSettings.class);
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    public SendSettings {
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(activeGiverPeriod, "activeGiverPeriod");
    }

    /** The tenant's settings; an invalid value gives the default for it and a warning in the log. */
    public static SendSettings of(Tenant tenant) {
        return new SendSettings(
                read(tenant, QuietHours.SETTING, QuietHours::parse, QuietHours.DEFAULT),
                read(tenant, ACTIVE_GIVER_YEARS, SendSettings::parseActiveGiverYears, GiverRelationship.ACTIVE_GIVER_PERIOD),
                read(tenant, VOLUNTARY_ORGANISATION, SendSettings::parseVoluntary, true, false));
    }

    /** @return one message per invalid setting (each names its setting); empty if all are valid or absent */
    public static List<String> problems(Tenant tenant) {
        List<String> problems = new ArrayList<>();
        check(tenant, QuietHours.SETTING, QuietHours::parse, problems);
        check(tenant, ACTIVE_GIVER_YEARS, SendSettings::parseActiveGiverYears, problems);
        check(tenant, VOLUNTARY_ORGANISATION, SendSettings::parseVoluntary, problems);
        return problems;
    }

    static Period parseActiveGiverYears(String value) {
        String trimmed = value.trim();
        if (trimmed.equals("1") || trimmed.equals("2") || trimmed.equals("3")) {
            return Period.ofYears(Integer.parseInt(trimmed));
        }
        throw new IllegalArgumentException(ACTIVE_GIVER_YEARS + " must be 1, 2 or 3 (years), not '" + shorten(value) + "'");
    }

    static Boolean parseVoluntary(String value) {
        String trimmed = value.trim();
        if (trimmed.equals("true") || trimmed.equals("false")) {
            return Boolean.valueOf(trimmed);
        }
        throw new IllegalArgumentException(VOLUNTARY_ORGANISATION + " must be true or false, not '" + shorten(value) + "'");
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static <T> T read(Tenant tenant, String key, Function<String, T> parser, T whenAbsent) {
        return read(tenant, key, parser, whenAbsent, whenAbsent);
    }

    private static <T> T read(Tenant tenant, String key, Function<String, T> parser, T whenAbsent, T whenInvalid) {
        Optional<String> value = tenant.setting(key);
        if (value.isEmpty()) {
            return whenAbsent;
        }
        try {
            return parser.apply(value.get());
        } catch (IllegalArgumentException e) {
            if (WARNED.add(tenant.id() + "\u0000" + key + "\u0000" + value.get())) {
                LOG.warn("tenant {} has an invalid setting, using {} instead: {}", tenant.id(), whenInvalid, e.getMessage());
            }
            return whenInvalid;
        }
    }

    private static void check(Tenant tenant, String key, Function<String, ?> parser, List<String> problems) {
        tenant.setting(key).ifPresent(value -> {
            try {
                parser.apply(value);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
    }
}
