package no.dialog.core.library;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.core.contact.Problem;
import no.dialog.core.journey.JourneyDefinition;
import no.dialog.core.journey.JourneyDefinitions;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.journey.Step;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.template.TemplatePreview;
import no.dialog.core.template.TemplateRenderer;

/**
 * A tenant's own copy of a library journey, as a pure function: the segment, the templates in the chosen
 * language and the draft journey to create, with the tenant's sender in the texts and a cost per person from
 * its price list. Nothing is stored here; the admin API stores what this returns.
 *
 * <p><b>Ids.</b> The copy is named by an instance id (the library id unless the caller gives one): the segment
 * and the journey get the instance id, each template {@code <instance id>-<library template id>}. A second copy
 * needs another instance id; the API refuses one whose ids are taken (409) rather than making up a suffix, so
 * staff always know which journey is which.
 *
 * <p><b>Language.</b> Templates hold one language each, and a send step names one template, so a copy is made
 * in one language ({@code nb} or {@code en}): its journey and segment names and every text.
 *
 * <p><b>Sender.</b> Library texts sign with the marker {@value #SENDER}; the copy has the tenant's
 * {@link TenantSender#name()} there. SMS and e-mail senders are the tenant's settings, read when sending; the
 * copy reports them, with a warning when one is missing.
 */
public final class LibraryInstantiation {

    /** The marker in library texts that becomes the tenant's sender name. */
    public static final String SENDER = "$sender$";
    private static final Pattern MARKER = Pattern.compile("\\$[A-Za-z]+\\$");
    private static final int STEP_GUARD = 200;

    private final TemplatePreview preview;

    public LibraryInstantiation(TemplateRenderer renderer) {
        this.preview = new TemplatePreview(Objects.requireNonNull(renderer, "renderer"));
    }

    /** What the caller asks for: the instance id (null: the library id) and the language (null: nb). */
    /** @param withExperiment put the suggested experiment (holdout included) into the copy's definition */
    public record Request(String instanceId, String language, boolean withExperiment) {

        public Request(String instanceId, String language) {
            this(instanceId, language, false);
        }
    }

    /** The copy to store. {@code journey} is the canonical definition JSON (docs/journeys.md). */
    public record Instance(String journeyId, String segmentId, String segmentName, JsonNode criteria,
                           List<MessageTemplate> templates, JourneyDefinition definition, JsonNode journey,
                           String language, TenantSender sender, CostEstimate cost,
                           SuggestedExperiment suggestedExperiment, List<String> warnings) {
        public Instance {
            templates = List.copyOf(templates);
            warnings = List.copyOf(warnings);
        }
    }

    /** The copy, or the problems with the request (its {@code id} or {@code language}). */
    public record Outcome(Instance instance, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Outcome instantiate(LibraryJourney library, Request request, TenantSender sender,
                               Map<SendChannel, Long> prices, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String id = request.instanceId() == null ? library.id() : request.instanceId();
        if (!JourneyLibrary.ID.matcher(id).matches()) {
            problems.add(new Problem("id", JourneyLibrary.ID_RULE));
        }
        String language = request.language() == null ? "nb" : request.language();
        if (!JourneyLibrary.LANGUAGES.contains(language)) {
            problems.add(new Problem("language", "must be nb or en"));
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        List<MessageTemplate> templates = new ArrayList<>();
        for (MessageTemplate text : library.templates(language).values()) {
            templates.add(new MessageTemplate(templateId(id, text.id()), text.channel(), language,
                    signed(text.subject(), sender), signed(text.body(), sender)));
        }
        ObjectNode journey = (ObjectNode) library.journey().deepCopy();
        journey.put("name", library.name().in(language));
        ((ObjectNode) journey.get("trigger")).put("segmentId", id);
        for (JsonNode step : journey.path("steps")) {
            if (step.has("templateId")) {
                ((ObjectNode) step).put("templateId", templateId(id, step.get("templateId").asText()));
            }
            for (JsonNode variant : step.path("variants")) {
                ((ObjectNode) variant).put("templateId", templateId(id, variant.get("templateId").asText()));
            }
        }
        if (request.withExperiment()) {
            journey.set("experiment", library.suggestedExperiment().toJson());
        }
        JourneyDefinitions.Parsed parsed = JourneyDefinitions.parse(journey);
        if (!parsed.ok()) {
            // The library was checked when it loaded; renaming ids cannot break it.
            throw new IllegalStateException("library journey " + library.id() + " did not survive renaming: "
                    + parsed.problems());
        }
        JourneyDefinition definition = parsed.definition();
        List<String> warnings = new ArrayList<>();
        if (library.channels().contains(SendChannel.EMAIL) && sender.emailFrom() == null) {
            warnings.add("set the tenant setting email.from: the journey's e-mail steps cannot send without it");
        }
        if (library.channels().contains(SendChannel.SMS) && sender.smsSender() == null) {
            warnings.add("set senderName in the settings: the organisation's name gives no valid SMS sender");
        }
        boolean giro = templates.stream().anyMatch(t -> t.channel() == SendChannel.LETTER && t.body().contains("kid"));
        if (giro && sender.giroAccount() == null) {
            warnings.add("set giroAccount in the settings: the journey's letters carry a giro");
        }
        CostEstimate cost = cost(definition, templates, prices, library.name().in(language), sender, today);
        if (!cost.missingPrices().isEmpty()) {
            warnings.add("the price list has no price for " + String.join(", ", cost.missingPrices().stream()
                    .map(SendChannel::jsonName).toList()) + ": the cost per person leaves them out");
        }
        return new Outcome(new Instance(id, id, library.segmentName().in(language), library.criteria().deepCopy(),
                templates, definition, JourneyDefinitions.toJson(definition), language, sender, cost,
                library.suggestedExperiment(), warnings), List.of());
    }

    /** The id a library template gets in a copy named {@code instanceId}. */
    public static String templateId(String instanceId, String libraryTemplateId) {
        return instanceId + "-" + libraryTemplateId;
    }

    /** Whether the template's only {@code $...$} marker, if any, is {@value #SENDER}. */
    static boolean usesOnlyKnownMarkers(MessageTemplate template) {
        for (String text : new String[] {template.subject(), template.body()}) {
            if (text == null) {
                continue;
            }
            Matcher m = MARKER.matcher(text);
            while (m.find()) {
                if (!m.group().equals(SENDER)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String signed(String text, TenantSender sender) {
        return text == null ? null : text.replace(SENDER, sender.name());
    }

    /** The sends of a person who never responds, priced. */
    private CostEstimate cost(JourneyDefinition definition, List<MessageTemplate> templates,
                              Map<SendChannel, Long> prices, String journeyName, TenantSender sender, LocalDate today) {
        Map<String, MessageTemplate> byId = new java.util.HashMap<>();
        templates.forEach(t -> byId.put(t.id(), t));
        Map<SendChannel, int[]> counts = new EnumMap<>(SendChannel.class);   // {sends, units}
        Set<String> visited = new HashSet<>();
        String at = definition.startStepId();
        while (at != null && visited.add(at) && visited.size() < STEP_GUARD) {
            Step step = definition.steps().get(at);
            if (step == null) {
                break;
            }
            at = switch (step) {
                case Step.Send send -> {
                    int units = 1;
                    if (send.channel() == SendChannel.SMS || send.channel() == SendChannel.CHAT) {
                        units = send.variants().stream().mapToInt(v -> parts(byId.get(v.templateId()), journeyName,
                                sender, today)).max().orElse(1);
                    }
                    int[] c = counts.computeIfAbsent(send.channel(), ch -> new int[2]);
                    c[0]++;
                    c[1] += units;
                    yield send.next();
                }
                case Step.WaitDuration wait -> wait.next();
                case Step.WaitUntil wait -> wait.next();
                case Step.WaitForSignal wait -> wait.timeoutNext();
                case Step.Branch branch -> branch.otherwise();
                case Step.Split split -> split.paths().stream().max(Comparator.comparingInt(Step.SplitPath::weight))
                        .map(Step.SplitPath::next).orElse(null);
                case Step.Update update -> update.next();
                case Step.Exit exit -> null;
            };
        }
        List<CostEstimate.Line> lines = new ArrayList<>();
        List<SendChannel> missing = new ArrayList<>();
        long total = 0;
        for (Map.Entry<SendChannel, int[]> e : counts.entrySet()) {
            Long price = prices.get(e.getKey());
            CostEstimate.Line line = new CostEstimate.Line(e.getKey(), e.getValue()[0], e.getValue()[1], price);
            lines.add(line);
            if (price == null) {
                missing.add(e.getKey());
            }
            total += line.costPerThousandPeopleOre();
        }
        return new CostEstimate(lines, total, missing);
    }

    private int parts(MessageTemplate template, String journeyName, TenantSender sender, LocalDate today) {
        if (template == null) {
            return 1;
        }
        return preview.sample(template, sender.name(), journeyName, today).smsParts().parts();
    }
}
