package no.dialog.local.bus;

import java.util.function.Consumer;

/** A rule on a bus: its name, its event pattern (JSON) and where matching events go. */
record EventRule(String name, String busName, String eventPattern, Consumer<String> target) {
}
