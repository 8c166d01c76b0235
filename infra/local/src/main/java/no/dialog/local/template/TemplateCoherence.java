package no.dialog.local.template;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a template hangs together: names point at things that exist, handlers exist, queues have
 * dead-letter queues, senders are allowed to send, and so on. Mistakes like these deploy fine and fail
 * at run time in AWS, so we catch them in a unit test (and the local stack can run them at start).
 *
 * <p>Each check returns a list of problems, each naming the offending resource; empty means fine.
 */
public final class TemplateCoherence {

    private static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    private final CloudFormationTemplate template;
    private final IntrinsicResolver resolver;

    /**
     * @param template the template to check
     * @param resolver used where a check must compare resolved names (log group names); one built with the
     *                 parameter defaults is enough, since the checks do not depend on the stage
     */
    public TemplateCoherence(CloudFormationTemplate template, IntrinsicResolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /** All checks together. */
    public List<String> allProblems(ClassLoader handlerClasses) {
        List<String> problems = new ArrayList<>();
        problems.addAll(referenceProblems());
        problems.addAll(handlerProblems(handlerClasses));
        problems.addAll(sqsEventProblems());
        problems.addAll(deadLetterQueueProblems());
        problems.addAll(permissionProblems());
        problems.addAll(queuePolicyProblems());
        problems.addAll(bucketNotificationProblems());
        problems.addAll(httpApiEventProblems());
        problems.addAll(logGroupProblems());
        problems.addAll(visibilityTimeoutProblems());
        problems.addAll(snapStartProblems());
        problems.addAll(aliasInvocationProblems());
        return problems;
    }

    /**
     * Every Java function's {@code Handler} ({@code pkg.Class::method} or {@code pkg.Class}) is a public class
     * that {@code classes} can load, with a public method of that name and, for an instance method, a public
     * no-argument constructor (Lambda creates the instance).
     */
    public List<String> handlerProblems(ClassLoader classes) {
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : functions()) {
            Object runtime = function.properties().get("Runtime");
            if (runtime instanceof String name && !name.startsWith("java")) {
                continue;
            }
            Object handler = function.properties().get("Handler");
            if (!(handler instanceof String text) || text.isBlank()) {
                problems.add(function.logicalId() + ": has no Handler");
                continue;
            }
            handlerProblem(function.logicalId(), text, classes).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> handlerProblem(String functionId, String handler, ClassLoader classes) {
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        Class<?> type;
        try {
            type = Class.forName(className, false, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of(functionId + ": handler class " + className + " (from Handler " + handler
                    + ") is not on the classpath");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            return Optional.of(functionId + ": handler class " + className + " is not public");
        }
        List<Method> methods = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(methodName)) {
                methods.add(method);
            }
        }
        if (methods.isEmpty()) {
            return Optional.of(functionId + ": handler class " + className + " has no public method " + methodName);
        }
        // Named with ::method, the Lambda runtime reads the event type from that method's declared parameter. For a
        // handler whose handleRequest is inherited from a generic class (micronaut-function-aws's handlers), that is
        // a type variable: the event arrives as a Map and the handler cannot convert it. Named by its class only, the
        // runtime resolves RequestHandler's type arguments (SQSEvent, APIGatewayV2HTTPEvent ...).
        if (separator >= 0 && methods.stream().anyMatch(m -> m.getGenericParameterTypes().length > 0
                && m.getGenericParameterTypes()[0] instanceof java.lang.reflect.TypeVariable<?>)) {
            return Optional.of(functionId + ": Handler " + handler + " names a method whose event parameter is a type "
                    + "variable, so Lambda would hand it a Map; name the class only (" + className + ")");
        }
        boolean allStatic = methods.stream().allMatch(m -> Modifier.isStatic(m.getModifiers()));
        if (!allStatic) {
            if (Modifier.isAbstract(type.getModifiers())) {
                return Optional.of(functionId + ": handler class " + className + " is abstract; Lambda must create it");
            }
            try {
                if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                    throw new NoSuchMethodException();
                }
            } catch (NoSuchMethodException e) {
                return Optional.of(functionId + ": handler class " + className
                        + " has no public no-argument constructor; Lambda must create it");
            }
        }
        return Optional.empty();
    }

    /**
     * Every {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} variable names a resource, parameter or pseudo
     * parameter that exists; {@code Fn::GetAtt} attributes exist for the resource's type; {@code DependsOn},
     * resource {@code Condition}s and {@code Fn::If} name things that exist.
     */
    public List<String> referenceProblems() {
        return new ReferenceChecker(template).problems();
    }

    /** Every SQS event source lets the function report failed messages one by one. */
    public List<String> sqsEventProblems() {
        List<String> problems = new ArrayList<>();
        forEachEvent((function, name, event) -> {
            if ("SQS".equals(event.get("Type"))) {
                List<?> types = RawTree.list(RawTree.get(event, "Properties", "FunctionResponseTypes"));
                if (!types.contains(REPORT_BATCH_ITEM_FAILURES)) {
                    problems.add(function.logicalId() + ".Events." + name + ": SQS event without FunctionResponseTypes: ["
                            + REPORT_BATCH_ITEM_FAILURES + "], so one bad message makes the whole batch retry");
                }
            }
        });
        return problems;
    }

    /** Every queue has a {@code RedrivePolicy}, except queues that are themselves another queue's dead-letter queue. */
    public List<String> deadLetterQueueProblems() {
        Set<String> deadLetterQueues = new HashSet<>();
        for (TemplateResource queue : template.resourcesOfType(ResourceTypes.QUEUE)) {
            ResourceReferences.logicalIdOf(RawTree.get(queue.properties(), "RedrivePolicy", "deadLetterTargetArn"))
                    .ifPresent(deadLetterQueues::add);
        }
        List<String> problems = new ArrayList<>();
        for (TemplateResource queue : template.resourcesOfType(ResourceTypes.QUEUE)) {
            if (!queue.properties().containsKey("RedrivePolicy") && !deadLetterQueues.contains(queue.logicalId())) {
                problems.add(queue.logicalId() + ": queue has no RedrivePolicy (no dead-letter queue), so a message"
                        + " that always fails is retried until it expires and is lost");
            }
        }
        return problems;
    }

    /** Every serverless function declares its permissions ({@code Policies} or {@code Role}). */
    public List<String> permissionProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : functions()) {
            if (function.properties().get("Policies") == null && function.properties().get("Role") == null) {
                problems.add(function.logicalId() + ": function has neither Policies nor Role;"
                        + " declare the least privilege it needs");
            }
        }
        return problems;
    }

    /**
     * Every queue that a bucket notification or a rule target sends to has an {@code AWS::SQS::QueuePolicy}
     * allowing that service ({@code s3.amazonaws.com}, {@code events.amazonaws.com}) to {@code sqs:SendMessage}.
     */
    public List<String> queuePolicyProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource bucket : template.resourcesOfType(ResourceTypes.BUCKET)) {
            for (Object notification : RawTree.list(
                    RawTree.get(bucket.properties(), "NotificationConfiguration", "QueueConfigurations"))) {
                ResourceReferences.logicalIdOf(RawTree.get(notification, "Queue")).ifPresent(queue ->
                        checkSendAllowed(queue, "s3.amazonaws.com", bucket.logicalId(), problems));
            }
        }
        for (TemplateResource rule : template.resourcesOfType(ResourceTypes.RULE)) {
            for (Object target : RawTree.list(rule.properties().get("Targets"))) {
                ResourceReferences.logicalIdOf(RawTree.get(target, "Arn"))
                        .filter(id -> template.resource(id).filter(r -> r.isOfType(ResourceTypes.QUEUE)).isPresent())
                        .ifPresent(queue -> checkSendAllowed(queue, "events.amazonaws.com", rule.logicalId(), problems));
            }
        }
        return problems;
    }

    private void checkSendAllowed(String queue, String service, String sender, List<String> problems) {
        for (TemplateResource policy : template.resourcesOfType(ResourceTypes.QUEUE_POLICY)) {
            boolean coversQueue = RawTree.list(policy.properties().get("Queues")).stream()
                    .map(ResourceReferences::logicalIdOf)
                    .anyMatch(id -> id.filter(queue::equals).isPresent());
            if (coversQueue && allowsSend(RawTree.get(policy.properties(), "PolicyDocument", "Statement"), service)) {
                return;
            }
        }
        problems.add(queue + ": receives from " + sender + " but no " + ResourceTypes.QUEUE_POLICY + " allows "
                + service + " to sqs:SendMessage to it, so AWS drops those messages");
    }

    private static boolean allowsSend(Object statements, String service) {
        for (Object statement : RawTree.list(statements)) {
            if (!"Allow".equals(RawTree.get(statement, "Effect"))) {
                continue;
            }
            Object principal = RawTree.get(statement, "Principal");
            boolean principalMatches = "*".equals(principal)
                    || RawTree.list(RawTree.get(principal, "Service")).contains(service);
            boolean actionMatches = RawTree.list(RawTree.get(statement, "Action")).stream()
                    .map(action -> String.valueOf(action).toLowerCase(Locale.ROOT))
                    .anyMatch(action -> action.equals("sqs:sendmessage") || action.equals("sqs:*") || action.equals("*"));
            if (principalMatches && actionMatches) {
                return true;
            }
        }
        return false;
    }

    /**
     * No two notification rules of a bucket overlap: S3 refuses (and the stack fails to deploy) two
     * configurations for overlapping events whose prefixes overlap and whose suffixes overlap, an absent prefix
     * or suffix overlapping every other ("Configuration is ambiguously defined"). The local stack would simply
     * send the object to both queues.
     */
    public List<String> bucketNotificationProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource bucket : template.resourcesOfType(ResourceTypes.BUCKET)) {
            List<String> names = new ArrayList<>();
            List<Object> rules = new ArrayList<>();
            for (String kind : List.of("QueueConfigurations", "TopicConfigurations", "LambdaConfigurations")) {
                List<?> configurations = RawTree.list(RawTree.get(bucket.properties(), "NotificationConfiguration", kind));
                for (int i = 0; i < configurations.size(); i++) {
                    names.add(kind + "[" + i + "]");
                    rules.add(configurations.get(i));
                }
            }
            for (int i = 0; i < rules.size(); i++) {
                for (int j = i + 1; j < rules.size(); j++) {
                    if (notificationsOverlap(rules.get(i), rules.get(j))) {
                        problems.add(bucket.logicalId() + ": NotificationConfiguration." + names.get(i) + " and "
                                + names.get(j) + " overlap (same event, overlapping prefixes and suffixes), which S3"
                                + " refuses; give them distinct prefixes or suffixes");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean notificationsOverlap(Object first, Object second) {
        return eventsOverlap(String.valueOf(RawTree.get(first, "Event")), String.valueOf(RawTree.get(second, "Event")))
                && affixesOverlap(filterValue(first, "prefix"), filterValue(second, "prefix"), true)
                && affixesOverlap(filterValue(first, "suffix"), filterValue(second, "suffix"), false);
    }

    private static boolean eventsOverlap(String first, String second) {
        return eventCovers(first, second) || eventCovers(second, first);
    }

    private static boolean eventCovers(String wide, String narrow) {
        return wide.endsWith("*") ? narrow.startsWith(wide.substring(0, wide.length() - 1)) : wide.equals(narrow);
    }

    private static String filterValue(Object configuration, String name) {
        for (Object rule : RawTree.list(RawTree.get(configuration, "Filter", "S3Key", "Rules"))) {
            if (name.equalsIgnoreCase(String.valueOf(RawTree.get(rule, "Name")))) {
                return String.valueOf(RawTree.get(rule, "Value"));
            }
        }
        return "";
    }

    private static boolean affixesOverlap(String first, String second, boolean prefixes) {
        return prefixes ? first.startsWith(second) || second.startsWith(first)
                : first.endsWith(second) || second.endsWith(first);
    }

    /**
     * Every {@code HttpApi} event refers to an HTTP API in the template and, when it names an authorizer (or the
     * API has a default one), that authorizer is defined on that API.
     */
    public List<String> httpApiEventProblems() {
        List<String> problems = new ArrayList<>();
        forEachEvent((function, name, event) -> {
            if (!"HttpApi".equals(event.get("Type"))) {
                return;
            }
            String where = function.logicalId() + ".Events." + name;
            Object apiId = RawTree.get(event, "Properties", "ApiId");
            Map<?, ?> apiProperties;
            String apiName;
            if (apiId == null) {
                apiName = ResourceTypes.IMPLICIT_HTTP_API + " (implicit)";
                apiProperties = template.implicitHttpApiProperties();
            } else {
                Optional<TemplateResource> api = ResourceReferences.logicalIdOf(apiId).flatMap(template::resource);
                if (api.isEmpty() || !ResourceTypes.isHttpApi(api.get().type())) {
                    problems.add(where + ": ApiId " + Describe.shapeOf(apiId) + " is not an HttpApi in this template");
                    return;
                }
                apiName = api.get().logicalId();
                apiProperties = api.get().properties();
            }
            Object authorizer = RawTree.get(event, "Properties", "Auth", "Authorizer");
            if (authorizer == null) {
                authorizer = RawTree.get(apiProperties, "Auth", "DefaultAuthorizer");
            }
            if (authorizer == null || "NONE".equals(authorizer) || "AWS_IAM".equals(authorizer)) {
                return;
            }
            if (!RawTree.map(RawTree.get(apiProperties, "Auth", "Authorizers")).containsKey(authorizer)) {
                problems.add(where + ": authorizer " + authorizer + " is not defined on " + apiName
                        + " (Auth.Authorizers has " + RawTree.map(RawTree.get(apiProperties, "Auth", "Authorizers")).keySet() + ")");
            }
        });
        return problems;
    }

    /**
     * Every function has an {@code AWS::Logs::LogGroup} for its logs ({@code /aws/lambda/<name>}, or the one its
     * {@code LoggingConfig.LogGroup} names) with {@code RetentionInDays}; otherwise Lambda creates one that
     * keeps logs forever.
     */
    public List<String> logGroupProblems() {
        Map<String, TemplateResource> logGroupsByName = new HashMap<>();
        for (TemplateResource logGroup : template.resourcesOfType(ResourceTypes.LOG_GROUP)) {
            Object name = logGroup.properties().get("LogGroupName");
            try {
                if (name != null) {
                    logGroupsByName.put(resolver.resolveString(name, logGroup.propertiesPath() + ".LogGroupName"), logGroup);
                }
            } catch (TemplateException e) {
                // A dangling reference in the name is reported by referenceProblems(); here it just matches nothing.
            }
        }
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : functions()) {
            String expected;
            try {
                Object configured = RawTree.get(function.properties(), "LoggingConfig", "LogGroup");
                expected = configured != null
                        ? resolver.resolveString(configured, function.propertiesPath() + ".LoggingConfig.LogGroup")
                        : "/aws/lambda/" + resolver.physicalIds().ref(function.logicalId()).orElseThrow();
            } catch (TemplateException e) {
                problems.add(function.logicalId() + ": cannot work out its log group name: " + e.getMessage());
                continue;
            }
            TemplateResource logGroup = logGroupsByName.get(expected);
            if (logGroup == null) {
                problems.add(function.logicalId() + ": no " + ResourceTypes.LOG_GROUP + " named " + expected
                        + ", so Lambda creates one that keeps logs forever");
            } else if (logGroup.properties().get("RetentionInDays") == null) {
                problems.add(function.logicalId() + ": its log group " + logGroup.logicalId() + " has no RetentionInDays");
            }
        }
        return problems;
    }

    /**
     * Every queue that feeds a function hides a received message for at least six times the function's timeout, as
     * AWS advises for SQS event sources (cfn-lint's E3505 only asks for the timeout itself): shorter, and a batch
     * still running, or being retried by the poller after throttling, is delivered a second time.
     */
    public List<String> visibilityTimeoutProblems() {
        List<String> problems = new ArrayList<>();
        forEachEvent((function, name, event) -> {
            if (!"SQS".equals(event.get("Type"))) {
                return;
            }
            Optional<TemplateResource> queue = ResourceReferences.logicalIdOf(RawTree.get(event, "Properties", "Queue"))
                    .flatMap(template::resource).filter(r -> r.isOfType(ResourceTypes.QUEUE));
            if (queue.isEmpty()) {
                return; // a queue outside this template: its settings are not ours to check
            }
            String where = function.logicalId() + ".Events." + name;
            try {
                int timeout = seconds(function, "Timeout", FunctionSpec.DEFAULT_TIMEOUT_SECONDS);
                int visibility = seconds(queue.get(), "VisibilityTimeout", QueueSpec.DEFAULT_VISIBILITY_TIMEOUT);
                if (visibility < 6 * timeout) {
                    problems.add(where + ": queue " + queue.get().logicalId() + " has VisibilityTimeout " + visibility
                            + " s, less than six times the function's Timeout (6 x " + timeout + " = " + 6 * timeout
                            + " s), so a message can be delivered again while a batch is still working on it");
                }
            } catch (TemplateException | NumberFormatException e) {
                problems.add(where + ": cannot compare the queue's VisibilityTimeout with the function's Timeout: "
                        + e.getMessage());
            }
        });
        return problems;
    }

    private int seconds(TemplateResource resource, String property, int defaultValue) {
        Object value = resource.properties().get(property);
        return value == null ? defaultValue
                : Integer.parseInt(resolver.resolveString(value, resource.propertiesPath() + "." + property).trim());
    }

    /**
     * Every Java function starts from a SnapStart snapshot: {@code SnapStart.ApplyOn: PublishedVersions} with an
     * {@code AutoPublishAlias} (SnapStart works on published versions only, and the alias is what triggers invoke)
     * and a {@code VersionDescription} (SAM publishes no version when only a parameter's value changes; a description
     * naming a revision parameter is how such a change reaches the alias), and nothing SnapStart refuses:
     * provisioned concurrency, EFS file systems, more than 512 MB of ephemeral storage.
     */
    public List<String> snapStartProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource function : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)) {
            Map<String, Object> properties = function.properties();
            if (!(properties.get("Runtime") instanceof String runtime) || !runtime.startsWith("java")) {
                continue;
            }
            String id = function.logicalId();
            if (!"PublishedVersions".equals(RawTree.get(properties, "SnapStart", "ApplyOn"))) {
                problems.add(id + ": no SnapStart (SnapStart.ApplyOn: PublishedVersions), so every cold start runs the"
                        + " whole init");
            }
            if (properties.get("AutoPublishAlias") == null) {
                problems.add(id + ": no AutoPublishAlias, so no version is published and SnapStart never applies;"
                        + " triggers would invoke $LATEST");
            } else if (properties.get("VersionDescription") == null) {
                problems.add(id + ": no VersionDescription, so a deploy that changes only parameter values publishes no"
                        + " version and the alias keeps the old configuration (template.yaml: ConfigRevision)");
            }
            if (properties.get("ProvisionedConcurrencyConfig") != null) {
                problems.add(id + ": ProvisionedConcurrencyConfig and SnapStart cannot be used together");
            }
            if (properties.get("FileSystemConfigs") != null) {
                problems.add(id + ": FileSystemConfigs (EFS) and SnapStart cannot be used together");
            }
            Object storage = RawTree.get(properties, "EphemeralStorage", "Size");
            if (storage != null && !Intrinsics.isIntrinsic(storage) && megabytes(storage) > 512) {
                problems.add(id + ": EphemeralStorage.Size " + storage + " MB; SnapStart allows at most 512");
            }
        }
        return problems;
    }

    private static double megabytes(Object size) {
        try {
            return Double.parseDouble(String.valueOf(size).trim());
        } catch (NumberFormatException e) {
            return 0; // not a number: CloudFormation refuses it anyway, and cfn-lint says so
        }
    }

    /**
     * Nothing written by hand invokes the unpublished function ({@code $LATEST}) of a function that has an
     * {@code AutoPublishAlias}: rule targets, {@code AWS::Lambda::Permission}s, event source mappings and bucket
     * notifications must name the alias ({@code !Ref <Function>Alias<name>}), or they bypass SnapStart and run
     * whatever was last uploaded. (SAM already points the function's own {@code Events} at the alias.)
     */
    public List<String> aliasInvocationProblems() {
        List<String> problems = new ArrayList<>();
        for (TemplateResource rule : template.resourcesOfType(ResourceTypes.RULE)) {
            List<?> targets = RawTree.list(rule.properties().get("Targets"));
            for (int i = 0; i < targets.size(); i++) {
                checkInvokesAlias(RawTree.get(targets.get(i), "Arn"), rule.logicalId() + ".Targets[" + i + "].Arn", problems);
            }
        }
        for (TemplateResource permission : template.resourcesOfType("AWS::Lambda::Permission")) {
            checkInvokesAlias(permission.properties().get("FunctionName"), permission.logicalId() + ".FunctionName", problems);
        }
        for (TemplateResource mapping : template.resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            checkInvokesAlias(mapping.properties().get("FunctionName"), mapping.logicalId() + ".FunctionName", problems);
        }
        for (TemplateResource bucket : template.resourcesOfType(ResourceTypes.BUCKET)) {
            List<?> configurations = RawTree.list(
                    RawTree.get(bucket.properties(), "NotificationConfiguration", "LambdaConfigurations"));
            for (int i = 0; i < configurations.size(); i++) {
                checkInvokesAlias(RawTree.get(configurations.get(i), "Function"),
                        bucket.logicalId() + ".NotificationConfiguration.LambdaConfigurations[" + i + "].Function", problems);
            }
        }
        return problems;
    }

    private void checkInvokesAlias(Object reference, String where, List<String> problems) {
        ResourceReferences.logicalIdOf(reference).ifPresent(id -> template.autoPublishAlias(id).ifPresent(alias ->
                problems.add(where + ": invokes " + id + " itself ($LATEST), which skips SnapStart and the published"
                        + " version; use !Ref " + id + "Alias" + alias.replace("-", "D").replace("_", "U"))));
    }

    private List<TemplateResource> functions() {
        return template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION, ResourceTypes.LAMBDA_FUNCTION);
    }

    private void forEachEvent(EventVisitor visitor) {
        for (TemplateResource function : template.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)) {
            RawTree.map(function.properties().get("Events")).forEach((name, event) ->
                    visitor.visit(function, String.valueOf(name), RawTree.map(event)));
        }
    }

    @FunctionalInterface
    private interface EventVisitor {
        void visit(TemplateResource function, String eventName, Map<?, ?> event);
    }
}
