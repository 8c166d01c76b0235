package no.dialog.local.artifacts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs inside the JVM that {@link ProbeRuns} starts the way Lambda starts a Java function: only the function's
 * jar on the classpath (this file is compiled in memory by the java launcher's source mode, so it is in no jar),
 * the function's environment and nothing else. It calls the handler's public no-arg constructor, as Lambda does,
 * and prints one line per finding for the test to read:
 *
 * <pre>
 * INIT_OK millis          the constructor returned; millis since the JVM started
 * INIT_FAILED message     it threw; the message of the deepest cause (e.g. the property that is missing)
 * PROPERTY name=value     how the context resolved a property the test asks about (-Dprobe.properties)
 * UNRESOLVED bean:setting an enabled bean definition reads a setting (@Value without default) that is not set
 * </pre>
 *
 * Only JDK and Micronaut APIs are used here: both are in every function's jar.
 */
public final class FunctionProbe {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(:[^}]*)?}");

    private FunctionProbe() {}

    public static void main(String[] args) {
        String handlerClass = args[0];
        Object handler;
        try {
            handler = Class.forName(handlerClass).getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            System.out.println("INIT_FAILED " + firstLine(deepest(e.getCause())));
            System.exit(1);
            return;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.out.println("INIT_FAILED " + e);
            System.exit(1);
            return;
        }
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("INIT_OK " + millis);
        ApplicationContext context = context(handler);
        if (context == null) {
            // A plain handler (the staff user pool's trigger): no context, so no beans and no settings to check.
            System.out.println("PLAIN_HANDLER " + handlerClass);
            System.exit(0);
            return;
        }
        for (String name : System.getProperty("probe.properties", "").split(",")) {
            if (!name.isBlank()) {
                System.out.println("PROPERTY " + name + "=" + context.getProperty(name, String.class).orElse(""));
            }
        }
        unresolvedSettings(context).forEach(finding -> System.out.println("UNRESOLVED " + finding));
        System.exit(0);
    }

    /** The handler's application context, or null for a handler that builds none (no getApplicationContext()). */
    private static ApplicationContext context(Object handler) {
        java.lang.reflect.Method getter;
        try {
            getter = handler.getClass().getMethod("getApplicationContext");
        } catch (NoSuchMethodException e) {
            return null;
        }
        try {
            return (ApplicationContext) getter.invoke(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(handler.getClass() + " has no getApplicationContext()", e);
        }
    }

    /**
     * The settings that the enabled bean definitions read with {@code @Value} and no default, which the
     * environment does not give. Eager init has created every singleton already; this also covers beans that
     * are created later (prototypes, beans looked up by name at the first invocation).
     */
    private static Set<String> unresolvedSettings(ApplicationContext context) {
        Set<String> findings = new TreeSet<>();
        for (BeanDefinition<?> definition : context.getAllBeanDefinitions()) {
            if (!definition.getBeanType().getName().startsWith("no.dialog.")) {
                continue;
            }
            for (Argument<?> argument : arguments(definition)) {
                String template = argument.getAnnotationMetadata().stringValue(Value.class).orElse(null);
                if (template == null) {
                    continue;
                }
                Matcher matcher = PLACEHOLDER.matcher(template);
                while (matcher.find()) {
                    if (matcher.group(2) == null && !context.containsProperty(matcher.group(1))) {
                        findings.add(definition.getBeanType().getName() + ":" + matcher.group(1));
                    }
                }
            }
        }
        return findings;
    }

    private static List<Argument<?>> arguments(BeanDefinition<?> definition) {
        List<Argument<?>> arguments = new ArrayList<>(List.of(definition.getConstructor().getArguments()));
        definition.getInjectedFields().forEach(field -> arguments.add(field.asArgument()));
        definition.getInjectedMethods().forEach(method -> arguments.addAll(List.of(method.getArguments())));
        return arguments;
    }

    private static Throwable deepest(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("Required property \\[([^\\]]+)]");

    /**
     * The first line, Micronaut's "Message:" line and its reasons for disabled candidates ("- Required property
     * [contacts.table] not present"), on one line, each missing property with the environment variable that sets it.
     */
    private static String firstLine(Throwable e) {
        List<String> lines = String.valueOf(e.getMessage()).strip().lines().map(String::strip).toList();
        StringBuilder summary = new StringBuilder(e.getClass().getSimpleName()).append(": ")
                .append(lines.isEmpty() ? "" : lines.get(0));
        lines.stream().skip(1).filter(line -> line.startsWith("Message: ") || line.startsWith("* [")
                || line.startsWith("- ")).forEach(line -> summary.append(' ').append(line));
        Matcher required = REQUIRED_PROPERTY.matcher(summary);
        List<String> variables = new ArrayList<>();
        while (required.find()) {
            variables.add(required.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"));
        }
        if (!variables.isEmpty()) {
            summary.append(" (missing environment: ").append(String.join(", ", variables)).append(')');
        }
        return summary.toString();
    }
}
