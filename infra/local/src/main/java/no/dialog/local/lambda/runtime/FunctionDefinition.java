package no.dialog.local.lambda.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.local.lambda.LocalAws;

/**
 * A function as its execution environments need it: the handler string and task root, memory and timeout,
 * and the environment variables, exactly the template's {@code Environment.Variables} plus what Lambda
 * itself sets in every sandbox, plus the local stack's overrides (where the AWS endpoints and the clock are).
 *
 * @param overrides endpoint overrides and the like, as environment variables (e.g.
 *                  {@code AWS_ENDPOINT_OVERRIDE_DYNAMODB}); they win over the template's values
 */
public record FunctionDefinition(
        String name,
        String handler,
        Path taskRoot,
        int memoryMb,
        Duration timeout,
        int maxConcurrency,
        Map<String, String> templateEnvironment,
        Map<String, String> overrides,
        JavaRuntime runtime) {

    public FunctionDefinition {
        templateEnvironment = Map.copyOf(templateEnvironment);
        overrides = Map.copyOf(overrides);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1 for " + name);
        }
    }

    /** The same function with other concurrency and runtime (e.g. one environment pinned to one core). */
    public FunctionDefinition with(int maxConcurrency, JavaRuntime runtime) {
        return new FunctionDefinition(name, handler, taskRoot, memoryMb, timeout, maxConcurrency,
                templateEnvironment, overrides, runtime);
    }

    /** Every variable of one environment, as the runtime process sees them. */
    Map<String, String> environment(String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(lambdaVariables(name, handler, memoryMb));
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + Long.toHexString(System.nanoTime()));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        // The function's role's temporary credentials, in AWS; any will do for the emulators. No session token:
        // S3Proxy refuses requests that carry x-amz-security-token.
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.putAll(templateEnvironment);
        env.putAll(overrides);
        return env;
    }

    /**
     * What Lambda sets in every {@code java25} sandbox about the function itself (the reserved variables the
     * runtime and the SDK read), whatever runs it: an execution environment here, or a start test's plain JVM.
     */
    public static Map<String, String> lambdaVariables(String functionName, String handler, int memoryMb) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TZ", ":UTC");
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_REGION", LocalAws.REGION);
        env.put("AWS_DEFAULT_REGION", LocalAws.REGION);
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        return env;
    }

    String functionArn() {
        return LocalAws.functionArn(name);
    }
}
