package no.dialog.local.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import no.dialog.local.lambda.runtime.FunctionDefinition;

/**
 * The environment variables a function's JVM gets: its template environment, what Lambda itself sets (region,
 * credentials, the function's name and memory, the handler), and where the AWS services are, as the local stack
 * passes them ({@code AWS_ENDPOINT_OVERRIDE_<SERVICE>}). Credentials are dummies and every endpoint is a local
 * port nothing listens on, except Secrets Manager where one is given ({@link TemplateSecrets}): a function that
 * called another AWS service during init would fail, not reach anything.
 */
final class LambdaEnvironment {

    /**
     * The JVM options Lambda's Java runtime starts functions with (tiered compilation stopped at C1, which
     * suits short-lived JVMs; the serial collector for small heaps).
     */
    static final java.util.List<String> JVM_OPTIONS = java.util.List.of("-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    /** Service name in the variable → the Micronaut property AwsEndpoints reads. */
    static final Map<String, String> ENDPOINT_PROPERTIES = Map.of(
            "AWS_ENDPOINT_OVERRIDE_DYNAMODB", "aws.endpoint-override.dynamodb",
            "AWS_ENDPOINT_OVERRIDE_SQS", "aws.endpoint-override.sqs",
            "AWS_ENDPOINT_OVERRIDE_S3", "aws.endpoint-override.s3",
            "AWS_ENDPOINT_OVERRIDE_EVENTS", "aws.endpoint-override.events",
            "AWS_ENDPOINT_OVERRIDE_SECRETSMANAGER", "aws.endpoint-override.secretsmanager",
            "AWS_ENDPOINT_OVERRIDE_KMS", "aws.endpoint-override.kms");

    private final Map<String, String> endpoints = new LinkedHashMap<>();

    LambdaEnvironment() {
        ENDPOINT_PROPERTIES.keySet().forEach(variable -> endpoints.put(variable, unusedLocalPort().toString()));
    }

    /**
     * With a Secrets Manager endpoint that answers: functions read their secrets (named by the template's
     * {@code *_SECRET_ARN}) at init, as in AWS, where the stack creates them before the functions.
     */
    LambdaEnvironment(URI secretsManager) {
        this();
        endpoints.put("AWS_ENDPOINT_OVERRIDE_SECRETSMANAGER", secretsManager.toString());
    }

    /** The endpoint override variables and their values (the same for every function). */
    Map<String, String> endpoints() {
        return Map.copyOf(endpoints);
    }

    Map<String, String> of(FunctionArtifact function) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.putAll(FunctionDefinition.lambdaVariables(function.functionName(), function.handler(),
                function.memorySize()));
        // The role's temporary credentials, as Lambda gives them (a session token too: nothing here calls S3Proxy).
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCALTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "local-test-secret");
        environment.put("AWS_SESSION_TOKEN", "local-test-session");
        environment.putAll(endpoints);
        return environment;
    }

    /** A local URL whose port was free a moment ago (opened and closed again). */
    static URI unusedLocalPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
