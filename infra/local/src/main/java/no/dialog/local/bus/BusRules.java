package no.dialog.local.bus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.event.ruler.Machine;

/**
 * The rules of one bus and the event-ruler {@link Machine} that matches events against them.
 *
 * <p>Immutable: adding or removing a rule builds a new {@code BusRules}, and the bus swaps the
 * reference. Rules change rarely (at start-up, from {@code template.yaml}) while events are
 * matched all the time, so matching never waits for a lock and never sees a half-changed
 * machine. It also makes replacing a rule (same name, new pattern) simple, which event-ruler
 * itself would otherwise treat as a second pattern for the same name.
 */
final class BusRules {

    private final Map<String, EventRule> rulesByName;
    private final Machine machine;

    private BusRules(Map<String, EventRule> rulesByName) {
        this.rulesByName = Collections.unmodifiableMap(rulesByName);
        this.machine = new Machine();
        for (EventRule rule : rulesByName.values()) {
            try {
                machine.addRule(rule.name(), rule.eventPattern());
            } catch (IOException e) {
                // Patterns are checked before they get here, so this means a bug, not bad input.
                throw new IllegalStateException("Event pattern of rule " + rule.name() + " was checked but does not compile", e);
            }
        }
    }

    static BusRules empty() {
        return new BusRules(new LinkedHashMap<>());
    }

    /** These rules plus {@code rule}, replacing any rule of the same name. */
    BusRules with(EventRule rule) {
        Map<String, EventRule> copy = new LinkedHashMap<>(rulesByName);
        copy.put(rule.name(), rule);
        return new BusRules(copy);
    }

    /** These rules without the named one. */
    BusRules without(String ruleName) {
        Map<String, EventRule> copy = new LinkedHashMap<>(rulesByName);
        copy.remove(ruleName);
        return new BusRules(copy);
    }

    boolean contains(String ruleName) {
        return rulesByName.containsKey(ruleName);
    }

    List<String> names() {
        return List.copyOf(rulesByName.keySet());
    }

    /** The rules whose pattern matches the event (the full envelope), sorted by name. */
    List<EventRule> matching(JsonNode envelope) {
        List<EventRule> matched = new ArrayList<>();
        for (String name : machine.rulesForJSONEvent(envelope)) {
            EventRule rule = rulesByName.get(name);
            if (rule != null && !matched.contains(rule)) {
                matched.add(rule);
            }
        }
        matched.sort((a, b) -> a.name().compareTo(b.name()));
        return matched;
    }
}
