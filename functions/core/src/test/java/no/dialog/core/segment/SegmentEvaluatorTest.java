package no.dialog.core.segment;

import static no.dialog.core.segment.SegmentDefinitionsTest.json;
import static no.dialog.core.segment.TestContacts.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.Membership;
import no.dialog.core.contact.MembershipStatus;
import no.dialog.core.contact.Reservations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SegmentEvaluatorTest {

    /** 00:30 on 1 April 2026 in Oslo (summer time), still 31 March in UTC: "today" must be 1 April. */
    private static final Clock JUST_AFTER_MIDNIGHT_IN_OSLO =
            Clock.fixed(Instant.parse("2026-03-31T22:30:00Z"), ZoneOffset.UTC);
    /** 23:59 on 31 March 2026 in Oslo. */
    private static final Clock JUST_BEFORE_MIDNIGHT_IN_OSLO =
            Clock.fixed(Instant.parse("2026-03-31T21:59:00Z"), ZoneOffset.UTC);

    private final SegmentEvaluator evaluator = new SegmentEvaluator(JUST_AFTER_MIDNIGHT_IN_OSLO);

    /** A contact with a value for most fields; "today" in Oslo is 2026-04-01. */
    private static final Contact KARI = contact().name("Kari", "Nordmann").born("2000-04-01")
            .phone("+4791234567").address("0150", "Oslo")
            .membership("ordinary", MembershipStatus.ACTIVE, null)
            .donor(new DonorFacts(true, 20000L, LocalDate.of(2019, 5, 1), LocalDate.of(2026, 3, 31), 25000L, 120000L, 12))
            .roles("board", "treasurer").event("ev-2026-landsmote")
            .consent(Channel.SMS, true).consent(Channel.POST, false)
            .reservations(new Reservations(true, false, false, false))
            .attribute("score", 5L).attribute("shirtSize", "L").attribute("vegetarian", true)
            .build();

    private static final Contact EMPTY = contact().id("c0").build();

    static Stream<Arguments> conditions() {
        return Stream.of(
                // TEXT: case-insensitive equals / in / contains
                arguments("{'field':'firstName','op':'equals','value':'kari'}", KARI, true),
                arguments("{'field':'firstName','op':'equals','value':'Ola'}", KARI, false),
                arguments("{'field':'firstName','op':'notEquals','value':'Ola'}", KARI, true),
                arguments("{'field':'firstName','op':'notEquals','value':'Ola'}", EMPTY, false),
                arguments("{'field':'lastName','op':'in','value':['Hansen','NORDMANN']}", KARI, true),
                arguments("{'field':'lastName','op':'contains','value':'DMA'}", KARI, true),
                arguments("{'field':'lastName','op':'contains','value':'sen'}", KARI, false),
                arguments("{'field':'city','op':'equals','value':'oslo'}", KARI, true),
                arguments("{'field':'postcode','op':'in','value':['0150','0151']}", KARI, true),
                arguments("{'field':'postcode','op':'exists'}", KARI, true),
                arguments("{'field':'postcode','op':'notExists'}", EMPTY, true),
                arguments("{'field':'attributes.shirtSize','op':'equals','value':'l'}", KARI, true),
                // NUMBER: Kari turns 26 on 1 April, which is today in Oslo though not yet in UTC
                arguments("{'field':'age','op':'equals','value':26}", KARI, true),
                arguments("{'field':'age','op':'notEquals','value':26}", KARI, false),
                arguments("{'field':'age','op':'in','value':[18,26]}", KARI, true),
                arguments("{'field':'age','op':'lessThan','value':26}", KARI, false),
                arguments("{'field':'age','op':'greaterThan','value':25}", KARI, true),
                arguments("{'field':'age','op':'between','value':[26,30]}", KARI, true),
                arguments("{'field':'age','op':'between','value':[18,25]}", KARI, false),
                arguments("{'field':'age','op':'exists'}", EMPTY, false),
                arguments("{'field':'donor.lastGiftAmountOre','op':'greaterThan','value':24999.5}", KARI, true),
                arguments("{'field':'donor.sumLast12MonthsOre','op':'between','value':[100000,120000]}", KARI, true),
                arguments("{'field':'donor.sumLast12MonthsOre','op':'lessThan','value':1}", EMPTY, false),
                arguments("{'field':'attributes.score','op':'greaterThan','value':4.5}", KARI, true),
                arguments("{'field':'attributes.score','op':'equals','value':'5'}", KARI, false), // text vs number
                // BOOLEAN: absent consent or reservation counts as false
                arguments("{'field':'hasPhone','op':'equals','value':true}", KARI, true),
                arguments("{'field':'hasEmail','op':'equals','value':false}", KARI, true),
                arguments("{'field':'donor.regular','op':'equals','value':true}", KARI, true),
                arguments("{'field':'donor.regular','op':'equals','value':false}", EMPTY, true),
                arguments("{'field':'consent.sms','op':'equals','value':true}", KARI, true),
                arguments("{'field':'consent.post','op':'equals','value':true}", KARI, false),
                arguments("{'field':'consent.email','op':'equals','value':false}", KARI, true),
                arguments("{'field':'reservation.telemarketing','op':'equals','value':true}", KARI, true),
                arguments("{'field':'reservation.addressedPost','op':'equals','value':true}", KARI, false),
                arguments("{'field':'reservation.doNotContact','op':'equals','value':false}", EMPTY, true),
                arguments("{'field':'attributes.vegetarian','op':'equals','value':true}", KARI, true),
                arguments("{'field':'attributes.vegetarian','op':'exists'}", EMPTY, false),
                // DATE: last gift 2026-03-31 is yesterday in Oslo
                arguments("{'field':'donor.lastGiftDate','op':'equals','value':'today'}", KARI, false),
                arguments("{'field':'donor.lastGiftDate','op':'equals','value':{'relative':'-P1D'}}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'equals','value':'2026-03-31'}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'before','value':'today'}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'after','value':{'relative':'-P1D'}}", KARI, false),
                arguments("{'field':'donor.lastGiftDate','op':'lessThan','value':'2026-04-01'}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'greaterThan','value':'2026-03-30'}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'between','value':['2026-03-01','today']}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'between','value':['today',{'relative':'P1M'}]}", KARI, false),
                arguments("{'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':1,'unit':'days'}}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':0,'unit':'days'}}", KARI, false),
                arguments("{'field':'donor.lastGiftDate','op':'moreThanAgo','value':{'amount':0,'unit':'days'}}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'moreThanAgo','value':{'amount':1,'unit':'weeks'}}", KARI, false),
                arguments("{'field':'donor.firstGiftDate','op':'moreThanAgo','value':{'amount':6,'unit':'years'}}", KARI, true),
                arguments("{'field':'donor.firstGiftDate','op':'moreThanAgo','value':{'amount':7,'unit':'years'}}", KARI, false),
                arguments("{'field':'birthDate','op':'equals','value':'2000-04-01'}", KARI, true),
                arguments("{'field':'membership.paidUntil','op':'after','value':'today'}", KARI, true),
                arguments("{'field':'membership.start','op':'before','value':{'relative':'-P5Y'}}", KARI, true),
                arguments("{'field':'donor.lastGiftDate','op':'notExists'}", EMPTY, true),
                arguments("{'field':'donor.lastGiftDate','op':'before','value':'today'}", EMPTY, false),
                // ENUM
                arguments("{'field':'membership.status','op':'equals','value':'active'}", KARI, true),
                arguments("{'field':'membership.status','op':'notEquals','value':'active'}", KARI, false),
                arguments("{'field':'membership.status','op':'in','value':['lapsed','ended']}", KARI, false),
                arguments("{'field':'membership.status','op':'notExists'}", EMPTY, true),
                // LIST: contains is an exact code, not a substring
                arguments("{'field':'roles','op':'contains','value':'board'}", KARI, true),
                arguments("{'field':'roles','op':'contains','value':'boa'}", KARI, false),
                arguments("{'field':'roles','op':'in','value':['leader','treasurer']}", KARI, true),
                arguments("{'field':'volunteerAreas','op':'exists'}", KARI, false),
                arguments("{'field':'volunteerAreas','op':'notExists'}", KARI, true),
                arguments("{'field':'events.eventId','op':'contains','value':'ev-2026-landsmote'}", KARI, true),
                arguments("{'field':'events.eventId','op':'in','value':['ev-2025']}", KARI, false));
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @MethodSource("conditions")
    void evaluatesEachOperatorPerType(String definition, Contact contact, boolean expected) {
        assertThat(evaluator.matches(contact, parse(definition))).isEqualTo(expected);
    }

    @Test
    void todayFollowsOsloAcrossMidnight() {
        Criterion giftToday = parse("{'field':'donor.lastGiftDate','op':'equals','value':'today'}");
        Criterion withinLastDay = parse("{'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':1,'unit':'days'}}");
        Criterion ageIs26 = parse("{'field':'age','op':'equals','value':26}");
        var beforeMidnight = new SegmentEvaluator(JUST_BEFORE_MIDNIGHT_IN_OSLO);

        assertThat(beforeMidnight.matches(KARI, giftToday)).isTrue();
        assertThat(evaluator.matches(KARI, giftToday)).isFalse();
        assertThat(beforeMidnight.matches(KARI, ageIs26)).isFalse();
        assertThat(evaluator.matches(KARI, ageIs26)).isTrue();
        assertThat(new SegmentEvaluator(Clock.fixed(Instant.parse("2026-04-01T22:30:00Z"), ZoneOffset.UTC))
                .matches(KARI, withinLastDay)).isFalse(); // 2 April in Oslo: the gift is two days old
    }

    @Test
    void membershipConditionsMatchWhenAnyMembershipMatches() {
        Contact twoMemberships = contact()
                .membership("ordinary", MembershipStatus.ACTIVE, null)
                .membership(new Membership("student", MembershipStatus.LAPSED, null, null, null, "bergen",
                        LocalDate.of(2025, 6, 20)))
                .build();

        assertThat(evaluator.matches(twoMemberships, parse("{'field':'membership.type','op':'equals','value':'student'}"))).isTrue();
        assertThat(evaluator.matches(twoMemberships, parse("{'field':'membership.status','op':'equals','value':'lapsed'}"))).isTrue();
        assertThat(evaluator.matches(twoMemberships, parse("{'field':'membership.chapter','op':'equals','value':'Bergen'}"))).isTrue();
        // "some membership is not a student one" is true; "no membership is a student one" needs not
        assertThat(evaluator.matches(twoMemberships, parse("{'field':'membership.type','op':'notEquals','value':'student'}"))).isTrue();
        assertThat(evaluator.matches(twoMemberships, parse("{'not':{'field':'membership.type','op':'equals','value':'student'}}"))).isFalse();
        assertThat(evaluator.matches(twoMemberships, parse("{'field':'membership.examDate','op':'exists'}"))).isTrue();
        assertThat(evaluator.matches(EMPTY, parse("{'field':'membership.type','op':'notEquals','value':'student'}"))).isFalse();
    }

    static Stream<Arguments> combinations() {
        String kari = "{'field':'firstName','op':'equals','value':'Kari'}";
        String ola = "{'field':'firstName','op':'equals','value':'Ola'}";
        return Stream.of(
                arguments("{'all':[" + kari + "]}", true),
                arguments("{'all':[" + kari + "," + ola + "]}", false),
                arguments("{'any':[" + kari + "," + ola + "]}", true),
                arguments("{'any':[" + ola + "," + ola + "]}", false),
                arguments("{'not':" + kari + "}", false),
                arguments("{'not':" + ola + "}", true),
                arguments("{'not':{'not':" + kari + "}}", true),
                arguments("{'all':[" + kari + ",{'not':" + ola + "}]}", true),
                arguments("{'any':[{'all':[" + kari + "," + ola + "]},{'not':{'any':[" + ola + "]}}]}", true),
                arguments("{'all':[{'any':[" + ola + "]}," + kari + "]}", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("combinations")
    void combinesWithAllAnyAndNot(String definition, boolean expected) {
        assertThat(evaluator.matches(KARI, parse(definition))).isEqualTo(expected);
    }

    @Test
    void studentMembersWhoseExamDateHasPassed() {
        Criterion segment = parse("""
                {'all':[{'field':'membership.type','op':'equals','value':'student'},
                        {'field':'membership.examDate','op':'before','value':'today'}]}""");
        Contact examYesterday = contact().id("s1").membership("student", MembershipStatus.ACTIVE, "2026-03-31").build();
        Contact examToday = contact().id("s2").membership("student", MembershipStatus.ACTIVE, "2026-04-01").build();
        Contact examAhead = contact().id("s3").membership("student", MembershipStatus.ACTIVE, "2027-06-15").build();
        Contact noExamDate = contact().id("s4").membership("student", MembershipStatus.ACTIVE, null).build();
        Contact ordinary = contact().id("o1").membership("ordinary", MembershipStatus.ACTIVE, null).build();

        assertThat(List.of(examYesterday, examToday, examAhead, noExamDate, ordinary))
                .filteredOn(c -> evaluator.matches(c, segment))
                .extracting(Contact::id).containsExactly("s1");
    }

    @Test
    void donorsWhoseLastGiftWas13To24MonthsAgo() {
        // Today is 2026-04-01: more than 12 months ago is before 2025-04-01, within 24 months is from 2024-04-01.
        Criterion segment = parse("""
                {'all':[{'field':'donor.lastGiftDate','op':'moreThanAgo','value':{'amount':12,'unit':'months'}},
                        {'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':24,'unit':'months'}}]}""");
        List<Contact> donors = List.of(
                contact().id("d12").lastGift("2025-04-01", 100).build(),
                contact().id("d13").lastGift("2025-03-31", 100).build(),
                contact().id("d24").lastGift("2024-04-01", 100).build(),
                contact().id("d25").lastGift("2024-03-31", 100).build(),
                contact().id("recent").lastGift("2026-02-01", 100).build(),
                contact().id("never").build());

        assertThat(donors).filteredOn(c -> evaluator.matches(c, segment))
                .extracting(Contact::id).containsExactly("d13", "d24");
    }

    @Test
    void previewCountsEveryMatchAndKeepsOnlyTheSample() {
        Criterion students = parse("{'field':'membership.type','op':'equals','value':'student'}");
        List<Contact> contacts = List.of(
                contact().id("a").name("Ada", "Aas").membership("student", MembershipStatus.ACTIVE, null).build(),
                contact().id("b").name("Bo", "Berg").membership("ordinary", MembershipStatus.ACTIVE, null).build(),
                contact().id("c").name("Cato", "Dahl").membership("student", MembershipStatus.ACTIVE, null).build(),
                contact().id("d").name("Dina", "Eik").build(),
                contact().id("e").name("Eli", "Fos").membership("student", MembershipStatus.PENDING, null).build());

        Preview preview = evaluator.preview(contacts, students, 2);

        assertThat(preview.count()).isEqualTo(3);
        assertThat(preview.sample()).containsExactly(
                new Preview.Sample("a", "Ada", "Aas"), new Preview.Sample("c", "Cato", "Dahl"));
        assertThat(evaluator.preview(contacts, students, 10).sample()).hasSize(3);
        assertThat(evaluator.preview(contacts, students, 0)).isEqualTo(new Preview(3, List.of()));
        assertThat(evaluator.preview(List.of(), students, 5)).isEqualTo(new Preview(0, List.of()));
        assertThatThrownBy(() -> evaluator.preview(contacts, students, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void criteriaBuiltInCodeEvaluateLikeParsedOnes() {
        Criterion inCode = new Criterion.All(List.of(
                Criterion.Condition.of("firstName", Operator.EQUALS, "Kari"),
                new Criterion.Not(Criterion.Condition.of("hasEmail", Operator.EQUALS, true)),
                Criterion.Condition.of("roles", Operator.EXISTS, null)));

        assertThat(evaluator.matches(KARI, inCode)).isTrue();
        assertThatThrownBy(() -> evaluator.matches(KARI, Criterion.Condition.of("shoeSize", Operator.EXISTS, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Criterion parse(String definition) {
        var parsed = SegmentDefinitions.parse(json(definition));
        assertThat(parsed.problems()).isEmpty();
        return parsed.criterion();
    }
}
