package no.dialog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;

/**
 * The five segments of the benchmark: each as staff would write it in the admin UI (JSON, parsed by
 * {@link SegmentDefinitions}) and as the equivalent SQL over the PostgreSQL schema of
 * {@link PostgresContacts}. The SQL keeps Dialog's meaning: text compared ignoring case, and two
 * membership conditions checked independently ("any membership matches"), hence one EXISTS each.
 * {@code ?} is "today" (a date), bound once per parameter.
 */
record BenchSegments(String name, String json, String sql) {

    static final List<BenchSegments> ALL = List.of(
            new BenchSegments("students past exam date", """
                    {"all":[{"field":"membership.type","op":"equals","value":"student"},
                            {"field":"membership.examDate","op":"before","value":"today"}]}""", """
                    SELECT c.id FROM contacts c
                    WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND lower(m.type) = 'student')
                      AND EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND m.exam_date < ?::date)"""),
            new BenchSegments("donors lapsed 13-24 months", """
                    {"field":"donor.lastGiftDate","op":"between",
                     "value":[{"relative":"-P24M"},{"relative":"-P13M"}]}""", """
                    SELECT c.id FROM contacts c
                    WHERE c.last_gift_date BETWEEN (?::date - interval '24 months')::date
                                               AND (?::date - interval '13 months')::date"""),
            new BenchSegments("regular donors, no upgrade 12 mo", """
                    {"all":[{"field":"donor.regular","op":"equals","value":true},
                            {"field":"donor.firstGiftDate","op":"moreThanAgo","value":{"amount":12,"unit":"months"}},
                            {"not":{"field":"attributes.upgradedLast12Months","op":"equals","value":true}}]}""", """
                    SELECT c.id FROM contacts c
                    WHERE c.donor_regular
                      AND c.first_gift_date < (?::date - interval '12 months')::date
                      AND NOT (c.attributes @> '{"upgradedLast12Months": true}')"""),
            new BenchSegments("chapter Bergen, renewal unpaid", """
                    {"all":[{"field":"membership.chapter","op":"equals","value":"Bergen"},
                            {"field":"membership.paidUntil","op":"before","value":"today"}]}""", """
                    SELECT c.id FROM contacts c
                    WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND lower(m.chapter) = 'bergen')
                      AND EXISTS (SELECT 1 FROM memberships m WHERE m.contact_id = c.id AND m.paid_until < ?::date)"""),
            new BenchSegments("SMS consent and mobile", """
                    {"all":[{"field":"consent.sms","op":"equals","value":true},
                            {"field":"hasPhone","op":"equals","value":true}]}""", """
                    SELECT c.id FROM contacts c
                    WHERE c.consent_sms AND coalesce(btrim(c.phone), '') <> ''"""));

    Criterion criterion() {
        try {
            SegmentDefinitions.Parsed parsed = SegmentDefinitions.parse(new ObjectMapper().readTree(json));
            if (!parsed.ok()) {
                throw new IllegalStateException(name + ": " + parsed.problems());
            }
            return parsed.criterion();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(name + ": not JSON", e);
        }
    }

    int dateParameters() {
        return (int) sql.chars().filter(ch -> ch == '?').count();
    }
}
