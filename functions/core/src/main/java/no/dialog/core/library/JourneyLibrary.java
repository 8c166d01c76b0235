package no.dialog.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.JourneyValidation;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Step;
import no.dialog.core.journey.Trigger;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplateDefinitions;

/**
 * The library of proven journeys, read from the classpath ({@code library/index.json} lists the ids; each
 * id has a folder with {@code library.json} (what staff read, the suggested experiment), {@code segment.json},
 * {@code journey.json} and {@code templates.json}, every message in {@code nb} and {@code en}). Every part is
 * checked by the rules the admin API applies to what staff write: the segment by {@link SegmentDefinitions},
 * each template by {@link TemplateDefinitions}, the journey by {@link JourneyDefinitions} and the activation
 * checks of {@link JourneyValidation} against the library's own templates in each language. A library that
 * does not pass is a build mistake: {@link #fromClasspath()} refuses it with every problem.
 */
public final class JourneyLibrary {

    /** The library's ids and the ids of the journeys made from it: short enough to prefix template ids. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String ID_RULE = "must be 1-40 lower-case letters, digits or dashes, starting with a letter or digit";
    public static final List<String> LANGUAGES = List.of("nb", "en");
    static final String ROOT = "library/";
    /** 40 (an instance id) + 1 + 22 = 63, the longest template id. */
    static final int TEMPLATE_ID_MAX = 22;
    private static final Set<String> META_KEYS = Set.of("id", "stage", "name", "description", "goal", "channels",
            "suggestedExperiment");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile JourneyLibrary classpath;

    private final Map<String, LibraryJourney> journeys;

    JourneyLibrary(List<LibraryJourney> journeys) {
        Map<String, LibraryJourney> byId = new LinkedHashMap<>();
        journeys.forEach(j -> byId.put(j.id(), j));
        this.journeys = java.util.Collections.unmodifiableMap(byId);
    }

    /** What {@link #load} found: the library when every journey passed, and every problem otherwise. */
    public record Loaded(JourneyLibrary library, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The library shipped with Dialog, loaded once. */
    public static JourneyLibrary fromClasspath() {
        JourneyLibrary loaded = classpath;
        if (loaded == null) {
            Loaded result = load(JourneyLibrary.class.getClassLoader());
            if (!result.ok()) {
                throw new IllegalStateException("the journey library is invalid: " + result.problems());
            }
            classpath = loaded = result.library();
        }
        return loaded;
    }

    /** Reads and checks the library under {@code library/} of the class loader. */
    public static Loaded load(ClassLoader loader) {
        List<Problem> problems = new ArrayList<>();
        JsonNode index = read(loader, "index.json", problems);
        List<LibraryJourney> journeys = new ArrayList<>();
        if (index == null) {
            return new Loaded(null, problems);
        }
        JsonNode ids = index.path("journeys");
        if (!ids.isArray() || ids.isEmpty()) {
            problems.add(new Problem("index.json", "journeys must be a non-empty array of ids"));
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode idNode : ids) {
            String id = idNode.asText("");
            if (!ID.matcher(id).matches() || !seen.add(id)) {
                problems.add(new Problem("index.json", "journey ids " + ID_RULE + ", each once"));
                continue;
            }
            LibraryJourney journey = journey(loader, id, problems);
            if (journey != null) {
                journeys.add(journey);
            }
        }
        return problems.isEmpty() ? new Loaded(new JourneyLibrary(journeys), List.of()) : new Loaded(null, problems);
    }

    public List<LibraryJourney> journeys() {
        return List.copyOf(journeys.values());
    }

    public Optional<LibraryJourney> find(String id) {
        return Optional.ofNullable(id == null ? null : journeys.get(id));
    }

    private static LibraryJourney journey(ClassLoader loader, String id, List<Problem> problems) {
        int before = problems.size();
        JsonNode meta = read(loader, id + "/library.json", problems);
        JsonNode segment = read(loader, id + "/segment.json", problems);
        JsonNode journey = read(loader, id + "/journey.json", problems);
        JsonNode templateList = read(loader, id + "/templates.json", problems);
        if (problems.size() > before) {
            return null;
        }
        Map<String, Map<String, MessageTemplate>> templates = templates(id, templateList, problems);

        String segmentFile = id + "/segment.json";
        Localised segmentName = Localised.read(segment.get("name"));
        if (segmentName == null) {
            problems.add(new Problem(segmentFile + ": name", "must be {\"nb\": .., \"en\": ..}"));
        }
        segment.fieldNames().forEachRemaining(key -> {
            if (!key.equals("name") && !key.equals("criteria")) {
                problems.add(new Problem(segmentFile + ": " + key, "unknown key"));
            }
        });
        SegmentDefinitions.Parsed criteria = SegmentDefinitions.parse(segment.get("criteria"));
        criteria.problems().forEach(p -> problems.add(new Problem(segmentFile + ": criteria." + p.field(), p.reason())));

        String where = id + "/journey.json";
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(journey);
        parsed.problems().forEach(p -> problems.add(new Problem(id + "/journey.json: " + p.field(), p.reason())));
        JourneyDefinition definition = parsed.definition();
        if (definition != null) {
            if (!id.equals(segmentOf(definition.trigger()))) {
                problems.add(new Problem(where + ": trigger.segmentId",
                        "must be the library id: a library journey starts from its own segment"));
            }
            for (String language : LANGUAGES) {
                Map<String, MessageTemplate> texts = templates.getOrDefault(language, Map.of());
                JourneyValidation.forActivation(definition, (templateId, channel) -> texts.containsKey(templateId)
                                && texts.get(templateId).channel() == channel)
                        .forEach(p -> problems.add(new Problem(id + "/journey.json (" + language + "): " + p.field(),
                                p.reason())));
            }
            Set<String> used = templateIds(definition);
            for (String language : LANGUAGES) {
                for (String templateId : templates.getOrDefault(language, Map.of()).keySet()) {
                    if (!used.contains(templateId)) {
                        problems.add(new Problem(id + "/templates.json: " + templateId, "no send step uses it"));
                    }
                }
            }
        }

        where = id + "/library.json";
        for (var names = meta.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!META_KEYS.contains(key)) {
                problems.add(new Problem(where + ": " + key, "unknown key"));
            }
        }
        if (!id.equals(meta.path("id").asText())) {
            problems.add(new Problem(where + ": id", "must be the folder's id"));
        }
        String stage = meta.path("stage").asText("");
        if (!ID.matcher(stage).matches()) {
            problems.add(new Problem(where + ": stage", ID_RULE));
        }
        Localised name = localised(meta, "name", where, problems);
        Localised description = localised(meta, "description", where, problems);
        Localised goal = localised(meta, "goal", where, problems);
        List<SendChannel> channels = new ArrayList<>();
        for (JsonNode channel : meta.path("channels")) {
            SendChannel.fromJsonName(channel.asText()).ifPresentOrElse(channels::add,
                    () -> problems.add(new Problem(id + "/library.json: channels", "names a channel Dialog does not have")));
        }
        if (definition != null && !channels.equals(channelsOf(definition))) {
            problems.add(new Problem(where + ": channels", "must list the channels of the send steps, in the order"
                    + " the flow first uses them"));
        }
        SuggestedExperiment experiment = SuggestedExperiment.read(meta.get("suggestedExperiment"),
                where + ": suggestedExperiment", problems);
        if (experiment != null && definition != null && !experimentable(definition.steps().get(experiment.step()))) {
            problems.add(new Problem(where + ": suggestedExperiment.step",
                    "must name a send step with at least two variants, or a split"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new LibraryJourney(id, stage, name, description, goal, channels, experiment, segmentName,
                segment.get("criteria"), journey, definition, templates);
    }

    private static Map<String, Map<String, MessageTemplate>> templates(String id, JsonNode list, List<Problem> problems) {
        String where = id + "/templates.json";
        Map<String, Map<String, MessageTemplate>> byLanguage = new TreeMap<>();
        if (!list.isArray()) {
            problems.add(new Problem(where, "must be an array of templates"));
            return byLanguage;
        }
        for (int i = 0; i < list.size(); i++) {
            TemplateDefinitions.Parsed parsed = TemplateDefinitions.parse(list.get(i));
            String at = where + ": [" + i + "]";
            parsed.problems().forEach(p -> problems.add(new Problem(at + "." + p.field(), p.reason())));
            if (!parsed.ok()) {
                continue;
            }
            MessageTemplate template = parsed.template();
            if (!list.get(i).has("language")) {
                problems.add(new Problem(at + ".language", "must be given: every message is written in nb and en"));
            }
            if (template.id().length() > TEMPLATE_ID_MAX) {
                problems.add(new Problem(at + ".id", "must be at most " + TEMPLATE_ID_MAX + " characters: a copy's"
                        + " template id is the instance id, a dash and this, at most 63 in all"));
            }
            if (!LibraryInstantiation.usesOnlyKnownMarkers(template)) {
                problems.add(new Problem(at, "uses a $...$ marker other than " + LibraryInstantiation.SENDER));
            }
            MessageTemplate twin = byLanguage.computeIfAbsent(template.language(), l -> new TreeMap<>())
                    .putIfAbsent(template.id(), template);
            if (twin != null) {
                problems.add(new Problem(at + ".id", "is written twice in one language"));
            }
        }
        Set<String> ids = new HashSet<>();
        byLanguage.values().forEach(texts -> ids.addAll(texts.keySet()));
        for (String templateId : ids) {
            MessageTemplate nb = byLanguage.getOrDefault("nb", Map.of()).get(templateId);
            MessageTemplate en = byLanguage.getOrDefault("en", Map.of()).get(templateId);
            if (nb == null || en == null) {
                problems.add(new Problem(where + ": " + templateId, "must be written in both nb and en"));
            } else if (nb.channel() != en.channel()) {
                problems.add(new Problem(where + ": " + templateId, "must have the same channel in nb and en"));
            }
        }
        return byLanguage;
    }

    private static boolean experimentable(Step step) {
        return step instanceof Step.Split
                || step instanceof Step.Send send && send.variants().size() >= 2;
    }

    /** The channels of the send steps, in the order of the definition's steps. */
    static List<SendChannel> channelsOf(JourneyDefinition definition) {
        List<SendChannel> channels = new ArrayList<>();
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Send send && !channels.contains(send.channel())) {
                channels.add(send.channel());
            }
        }
        return channels;
    }

    static Set<String> templateIds(JourneyDefinition definition) {
        Set<String> ids = new HashSet<>();
        for (Step step : definition.steps().values()) {
            if (step instanceof Step.Send send) {
                send.variants().forEach(v -> ids.add(v.templateId()));
            }
        }
        return ids;
    }

    static String segmentOf(Trigger trigger) {
        if (trigger instanceof Trigger.Campaign campaign) {
            return campaign.segmentId();
        }
        if (trigger instanceof Trigger.Recurring recurring) {
            return recurring.segmentId();
        }
        return null;
    }

    private static Localised localised(JsonNode meta, String key, String where, List<Problem> problems) {
        Localised text = Localised.read(meta.get(key));
        if (text == null) {
            problems.add(new Problem(where + ": " + key, "must be {\"nb\": .., \"en\": ..}, neither blank"));
        }
        return text;
    }

    private static JsonNode read(ClassLoader loader, String path, List<Problem> problems) {
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                problems.add(new Problem(path, "is missing"));
                return null;
            }
            JsonNode node = MAPPER.readTree(in);
            if (node == null || !(node.isObject() || node.isArray())) {
                problems.add(new Problem(path, "must hold a JSON object or array"));
                return null;
            }
            return node;
        } catch (IOException e) {
            problems.add(new Problem(path, "is not JSON"));
            return null;
        }
    }
}
