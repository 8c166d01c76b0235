package no.dialog.local.template;

import java.util.List;
import java.util.Map;

/**
 * A Lambda function as the template declares it (SAM {@code Globals} applied), with its environment
 * resolved against the running stack, and the events that trigger it.
 *
 * @param logicalId        the key under {@code Resources}
 * @param functionName     the resolved {@code FunctionName}
 * @param handler          {@code package.Class::method} or {@code package.Class}
 * @param runtime          e.g. {@code java17}
 * @param codeUri          where the code is, as written ({@code CodeUri}), or {@code null}
 * @param timeoutSeconds   {@code Timeout} (Lambda's default is 3)
 * @param memorySize       {@code MemorySize} in MB (Lambda's default is 128)
 * @param environment      {@code Environment.Variables}, resolved to strings
 * @param policiesDeclared whether the function declares {@code Policies} or a {@code Role}
 * @param events           what triggers it
 */
public record FunctionSpec(
        String logicalId,
        String functionName,
        String handler,
        String runtime,
        String codeUri,
        int timeoutSeconds,
        int memorySize,
        Map<String, String> environment,
        boolean policiesDeclared,
        List<FunctionEventSpec> events) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_SIZE = 128;

    /** The events of one kind, e.g. {@code eventsOfType(SqsEventSpec.class)}. */
    public <T extends FunctionEventSpec> List<T> eventsOfType(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The handler's class name: the part before {@code ::}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /** The handler's method name: after {@code ::}, or {@code handleRequest} when the handler names only a class. */
    public String handlerMethod() {
        int separator = handler.indexOf("::");
        return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
    }
}
