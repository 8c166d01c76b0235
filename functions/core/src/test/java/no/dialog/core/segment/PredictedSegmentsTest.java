package no.dialog.core.segment;

import static no.dialog.core.segment.SegmentDefinitionsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Reservations;
import no.dialog.core.predicted.ModelKind;
import no.dialog.core.predicted.Prediction;
import no.dialog.core.predicted.PredictionTable;
import no.dialog.core.predicted.PredictionTables;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Predicted fields (ADR 0037): read from the person's prediction, judged as numbers and enums, profiling. */
class PredictedSegmentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final TenantId TENANT = new TenantId("demo");
    private static final Contact CONSENTING = TestContacts.contact().build();
    private static final Contact OBJECTING = TestContacts.contact()
            .reservations(Reservations.NONE.withProfilingObjection(true)).build();
    /** Dropout risk 0.75 in the 9th decile, SMS response 0.1 in the 2nd; best by e-mail at 19. */
    private static final Prediction PREDICTION = new Prediction(Map.of(
            ModelKind.DROPOUT_RISK, new Prediction.Score(0.75, 9),
            ModelKind.RESPONSE_SMS, new Prediction.Score((float) 0.1, 2)),
            Optional.of(Channel.EMAIL), Optional.of(19));
    private static final ContactHistory SCORED = ContactHistory.EMPTY.withPrediction(PREDICTION);

    private static Criterion parse(String text) {
        var parsed = SegmentDefinitions.parse(json(text));
        assertThat(parsed.problems()).isEmpty();
        return parsed.criterion();
    }

    @Test
    void everyModelHasAProbabilityAndADecileFieldWithLabels() {
        for (ModelKind kind : ModelKind.values()) {
            SegmentField p = SegmentFields.find("predicted." + kind.field()).orElseThrow();
            SegmentField d = SegmentFields.find("predicted." + kind.field() + "Decile").orElseThrow();
            assertThat(p.type()).isEqualTo(FieldType.NUMBER);
            assertThat(d.type()).isEqualTo(FieldType.NUMBER);
            assertThat(p.labelNb()).startsWith(kind.labelNb());
            assertThat(d.labelEn()).startsWith(kind.labelEn()).contains("decile");
        }
        SegmentField channel = SegmentFields.find("predicted.bestChannel").orElseThrow();
        assertThat(channel.type()).isEqualTo(FieldType.ENUM);
        assertThat(channel.allowedValues()).containsExactly("sms", "email", "post", "phone");
        assertThat(SegmentFields.find("predicted.bestHour").orElseThrow().type()).isEqualTo(FieldType.NUMBER);
        // Read from the prediction, never from the contact.
        assertThat(SegmentFields.find("predicted.dropoutRisk").orElseThrow().values(CONSENTING, TODAY)).isEmpty();
    }

    @Test
    void aBestChannelOutsideTheResponseModelsIsABadRequest() {
        var parsed = SegmentDefinitions.parse(json("{'field':'predicted.bestChannel','op':'equals','value':'chat'}"));
        assertThat(parsed.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("must be one of sms, email, post, phone"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'field':'predicted.dropoutRiskDecile','op':'greaterThan','value':7}         | true",
            "{'field':'predicted.dropoutRiskDecile','op':'in','value':[9,10]}             | true",
            "{'field':'predicted.dropoutRiskDecile','op':'between','value':[1,8]}         | false",
            "{'field':'predicted.dropoutRisk','op':'greaterThan','value':0.75}            | false",
            "{'field':'predicted.dropoutRisk','op':'equals','value':0.75}                 | true",
            "{'field':'predicted.dropoutRisk','op':'between','value':[0.5,0.75]}          | true",
            "{'field':'predicted.dropoutRisk','op':'notEquals','value':0.5}               | true",
            // 0.1 as a float is 0.100000001490116..., above the decimal 0.1
            "{'field':'predicted.responseSms','op':'equals','value':0.1}                  | false",
            "{'field':'predicted.responseSms','op':'greaterThan','value':0.1}             | true",
            "{'field':'predicted.responseSms','op':'lessThan','value':0.10000001}         | true",
            "{'field':'predicted.bestChannel','op':'equals','value':'email'}              | true",
            "{'field':'predicted.bestChannel','op':'notEquals','value':'email'}           | false",
            "{'field':'predicted.bestChannel','op':'in','value':['sms','post']}           | false",
            "{'field':'predicted.bestHour','op':'between','value':[18,21]}                | true",
            "{'field':'predicted.bestHour','op':'lessThan','value':19}                    | false",
            "{'field':'predicted.dropoutRisk','op':'exists'}                              | true",
            "{'field':'predicted.dropoutRisk','op':'notExists'}                           | false",
            // not scored by this model (or not published): only notExists matches, notEquals too needs a value
            "{'field':'predicted.lapseRisk','op':'exists'}                                | false",
            "{'field':'predicted.lapseRisk','op':'notExists'}                             | true",
            "{'field':'predicted.lapseRiskDecile','op':'notEquals','value':3}             | false",
            "{'field':'predicted.responseCall','op':'lessThan','value':1}                 | false",
    })
    void conditionsReadThePersonsPrediction(String definition, boolean matches) {
        Criterion criterion = parse(definition);
        assertThat(SegmentEvaluator.matches(CONSENTING, SCORED, criterion, TODAY)).isEqualTo(matches);
        // Without a prediction every condition but notExists fails.
        assertThat(SegmentEvaluator.matches(CONSENTING, ContactHistory.EMPTY, criterion, TODAY))
                .isEqualTo(definition.contains("notExists"));
        // Whoever objects to profiling matches no predicted condition, whatever their old score says.
        assertThat(SegmentEvaluator.matches(OBJECTING, SCORED, criterion, TODAY)).isFalse();
        assertThat(SegmentEvaluator.matches(OBJECTING, SCORED, new Criterion.Not(criterion), TODAY)).isFalse();
        assertThat(ProfilingObjection.judgesBehaviour(criterion)).isTrue();
        assertThat(ProfilingObjection.guard(criterion)).isNotEqualTo(criterion);
    }

    @Test
    void criteriaTellPredictionsFromJourneysAndNameNoJourneyForThem() {
        Criterion both = parse("{'all':[{'field':'predicted.dropoutRiskDecile','op':'greaterThan','value':7},"
                + "{'field':'journey.inNow','op':'equals','value':'welcome'}]}");
        Criterion predicted = parse("{'not':{'field':'predicted.bestHour','op':'exists'}}");
        Criterion register = parse("{'field':'age','op':'greaterThan','value':17}");
        assertThat(Criteria.usesPredictions(both)).isTrue();
        assertThat(Criteria.usesBehaviour(both)).isTrue();
        assertThat(Criteria.journeyIds(both)).containsExactly("welcome");
        assertThat(Criteria.usesPredictions(predicted)).isTrue();
        assertThat(Criteria.usesBehaviour(predicted)).isFalse();
        assertThat(Criteria.journeyIds(predicted)).isEmpty();
        assertThat(Criteria.usesPredictions(register)).isFalse();
    }

    @Test
    void historiesLoadTheTableOnlyForCriteriaThatAskAboutPredictions() {
        PredictionTable table = PredictionTable.builder(Instant.EPOCH, EnumSet.of(ModelKind.DROPOUT_RISK,
                ModelKind.RESPONSE_SMS)).add("C-1", PREDICTION).add("C-2", Prediction.NONE).build();
        List<TenantId> loads = new ArrayList<>();
        PredictionTables tables = new PredictionTables() {
            @Override
            public Optional<PredictionTable> latest(TenantId tenant) {
                loads.add(tenant);
                return Optional.of(table);
            }

            @Override
            public void publish(TenantId tenant, PredictionTable t) {}

            @Override
            public boolean erase(TenantId tenant, String contactId) {
                return false;
            }
        };
        ContactHistory welcome = new ContactHistory(Set.of("welcome"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        BehaviourHistories journeys = (tenant, ids) -> Map.of("C-1", welcome, "C-3", welcome);
        HistoriesWithPredictions histories = new HistoriesWithPredictions(journeys, tables);

        assertThat(histories.lookupFor(TENANT, parse("{'field':'age','op':'exists'}"))).isSameAs(BehaviourLookup.NONE);
        assertThat(loads).isEmpty();

        BehaviourLookup lookup = histories.lookupFor(TENANT, parse("{'all':["
                + "{'field':'predicted.dropoutRisk','op':'exists'},{'field':'journey.inNow','op':'equals','value':'welcome'}]}"));
        assertThat(loads).containsExactly(TENANT);
        assertThat(lookup.of("C-1")).isEqualTo(welcome.withPrediction(PREDICTION));
        assertThat(lookup.of("C-3")).isEqualTo(welcome);
        assertThat(lookup.of("C-9")).isEqualTo(ContactHistory.EMPTY);
        assertThat(lookup.predictions()).isSameAs(table);
        Map<String, ContactHistory> known = new HashMap<>();
        lookup.forEachKnown((id, history) -> assertThat(known.put(id, history)).as("visited once: %s", id).isNull());
        // C-2 has a row but an empty prediction and no journey: nothing to know about them.
        assertThat(known).containsOnlyKeys("C-1", "C-3");
        assertThat(known.get("C-1").predicted()).isEqualTo(PREDICTION);
        Map<String, ContactHistory> journeysOnly = new HashMap<>();
        lookup.withoutPredictions().forEachKnown(journeysOnly::put);
        assertThat(journeysOnly).containsOnlyKeys("C-1", "C-3");
    }

    @Test
    void aPersonKeepsTheirPredictionWhenHistoriesAreJoined() {
        ContactHistory welcome = new ContactHistory(Set.of("welcome"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        assertThat(welcome.plus(SCORED).predicted()).isEqualTo(PREDICTION);
        assertThat(SCORED.plus(welcome).predicted()).isEqualTo(PREDICTION);
        assertThat(SCORED.plus(welcome).inNow()).containsExactly("welcome");
        assertThat(SCORED.isEmpty()).isFalse();
        assertThat(SCORED.hasNoJourneys()).isTrue();
    }
}
