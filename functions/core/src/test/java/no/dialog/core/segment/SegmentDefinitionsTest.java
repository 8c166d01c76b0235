package no.dialog.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.dialog.core.contact.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentDefinitionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void parsesTheStudentExample() {
        var parsed = SegmentDefinitions.parse(json("""
                {'all':[{'field':'membership.type','op':'equals','value':'student'},
                        {'field':'membership.examDate','op':'before','value':'today'}]}"""));

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.criterion()).isEqualTo(new Criterion.All(java.util.List.of(
                Criterion.Condition.of("membership.type", Operator.EQUALS, "student"),
                Criterion.Condition.of("membership.examDate", Operator.BEFORE, "today"))));
    }

    @Test
    void parsesNestedGroupsNotAndEveryValueShape() {
        var parsed = SegmentDefinitions.parse(json("""
                {'any':[
                  {'not':{'field':'reservation.doNotContact','op':'equals','value':true}},
                  {'all':[{'field':'age','op':'between','value':[18,30]},
                          {'field':'roles','op':'in','value':['board','leader']},
                          {'field':'donor.lastGiftDate','op':'after','value':{'relative':'-P90D'}},
                          {'field':'donor.firstGiftDate','op':'moreThanAgo','value':{'amount':2,'unit':'years'}},
                          {'field':'membership.status','op':'in','value':['active','pending']},
                          {'field':'attributes.shirtSize','op':'equals','value':'L'},
                          {'field':'attributes.score','op':'greaterThan','value':3.5},
                          {'field':'attributes.legacy','op':'exists'}]}]}"""));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.criterion()).isInstanceOf(Criterion.Any.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // unknown field / operator, operator not fitting the type
            "{'all':[{'field':'age','op':'greaterThan','value':1},{'field':'shoeSize','op':'equals','value':1}]} | all[1].field | unknown field",
            "{'field':'attributes.9bad','op':'exists'}                              | field          | unknown field",
            "{'all':[{'field':'age','op':'greaterThan','value':1},{'field':'age','op':'biggerThan','value':1}]} | all[1].op | unknown operator",
            "{'field':'hasPhone','op':'greaterThan','value':true}                   | op             | not valid for a boolean field",
            "{'field':'firstName','op':'before','value':'today'}                    | op             | not valid for a text field",
            "{'field':'roles','op':'equals','value':'board'}                        | op             | not valid for a list field",
            "{'field':'attributes.size','op':'lessThan','value':'L'}                | op             | not valid for a text field",
            "{'field':'age','op':'withinLast','value':{'amount':1,'unit':'days'}}    | op             | not valid for a number field",
            // wrong value type or shape
            "{'field':'age','op':'greaterThan','value':'eighteen'}                  | value          | must be a number",
            "{'field':'hasEmail','op':'equals','value':'yes'}                       | value          | must be true or false",
            "{'field':'firstName','op':'equals','value':12}                         | value          | must be text",
            "{'field':'membership.status','op':'equals','value':'sleeping'}         | value          | must be one of active, pending, lapsed, ended",
            "{'field':'birthDate','op':'before','value':'01.02.2020'}               | value          | must be a date",
            "{'field':'birthDate','op':'before','value':{'relative':'90 days'}}     | value.relative | must be an ISO period",
            "{'field':'birthDate','op':'before','value':{'relative':'-P1D','x':1}}  | value.x        | unknown key",
            "{'field':'age','op':'between','value':[1]}                             | value          | array of two",
            "{'field':'age','op':'between','value':[1,'x']}                         | value[1]       | must be a number",
            "{'field':'age','op':'in','value':[]}                                   | value          | non-empty array",
            "{'field':'age','op':'in','value':5}                                    | value          | non-empty array",
            "{'field':'donor.lastGiftDate','op':'withinLast','value':90}            | value          | must be {",
            "{'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':-1,'unit':'days'}} | value.amount | whole number",
            "{'field':'donor.lastGiftDate','op':'withinLast','value':{'amount':3,'unit':'fortnights'}} | value.unit | days, weeks, months or years",
            "{'field':'age','op':'exists','value':1}                                | value          | must be left out",
            "{'field':'age','op':'equals'}                                          | value          | is required",
            // structure
            "{'all':[]}                                                              | all            | at least one criterion",
            "{'any':[{'all':[]}]}                                                    | any[0].all     | at least one criterion",
            "{'all':{'field':'age'}}                                                 | all            | must be an array",
            "{'all':[{'field':'age','op':'exists'}],'any':[]}                        | any            | unknown key",
            "{'field':'age','op':'exists','label':'x'}                              | label          | unknown key",
            "{'not':{'field':'age','op':'exists'},'extra':1}                         | extra          | unknown key",
            "{'not':{'fieldd':'age'}}                                                | not            | must have one of",
            "{'all':[{'field':'age','op':'exists'}, 3]}                              | all[1]         | must be an object",
            "{'op':'exists'}                                                         | field          | is required",
            "{'field':'age'}                                                         | op             | is required",
    })
    void rejectsWithThePathOfTheOffendingNode(String definition, String path, String reason) {
        var parsed = SegmentDefinitions.parse(json(definition));

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.criterion()).isNull();
        assertThat(parsed.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(path);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void rejectsANonObjectRoot() {
        assertThat(SegmentDefinitions.parse(json("[1]")).problems())
                .containsExactly(new Problem("", "must be an object with all, any, not or field"));
    }

    @Test
    void collectsEveryProblemNotJustTheFirst() {
        var parsed = SegmentDefinitions.parse(json("""
                {'all':[{'field':'nope','op':'equals','value':1},{'field':'age','op':'equals','value':'x'}]}"""));

        assertThat(parsed.problems()).extracting(Problem::field).containsExactly("all[0].field", "all[1].value");
    }

    @Test
    void reasonsNeverEchoTheValue() {
        var parsed = SegmentDefinitions.parse(json("""
                {'any':[{'field':'firstName','op':'equals','value':98765432},
                        {'field':'birthDate','op':'before','value':'Kari Nordmann 12.03.1985'},
                        {'field':'membership.status','op':'equals','value':'Ola Nordmann'}]}"""));

        assertThat(parsed.problems()).hasSize(3).allSatisfy(p -> assertThat(p.toString())
                .doesNotContain("98765432").doesNotContain("Nordmann").doesNotContain("1985"));
    }
}
