package no.dialog.local.artifacts;

import java.nio.file.Path;
import java.util.Map;

/**
 * A function of template.yaml as Lambda would start it: its handler class, the jar its {@code CodeUri} names,
 * and its environment variables resolved with the local stack's values.
 *
 * @param logicalId    the function's key under {@code Resources}
 * @param functionName its resolved {@code FunctionName}
 * @param handler      {@code Handler} as written ({@code package.Class::method})
 * @param handlerClass the class Lambda constructs
 * @param memorySize   {@code MemorySize} in MB
 * @param jar          the {@code CodeUri} jar, resolved against the template's folder
 * @param environment  {@code Environment.Variables}, resolved
 */
record FunctionArtifact(String logicalId, String functionName, String handler, String handlerClass, int memorySize,
        Path jar, Map<String, String> environment) {

    @Override
    public String toString() {
        return logicalId;
    }
}
