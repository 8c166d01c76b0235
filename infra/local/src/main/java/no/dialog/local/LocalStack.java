package no.dialog.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.dialog.aws.config.FunctionContexts;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.AwsLocal;
import no.dialog.emulators.EmulatorOptions;
import no.dialog.emulators.Emulators;
import no.dialog.local.bus.EventBridgeEndpoint;
import no.dialog.local.bus.LocalEventBus;
import no.dialog.local.clock.LocalClock;
import no.dialog.local.console.ConsolePage;
import no.dialog.local.console.LocalEndpoints;
import no.dialog.local.console.StackStatus;
import no.dialog.local.demo.DemoOrganisation;
import no.dialog.local.functions.FunctionInstancePool;
import no.dialog.local.lambda.LocalFunction;
import no.dialog.local.lambda.runtime.FunctionDefinition;
import no.dialog.local.lambda.runtime.JarFunction;
import no.dialog.local.lambda.runtime.JavaRuntime;
import no.dialog.local.lambda.runtime.TaskRoots;
import no.dialog.local.gateway.DevTokenEndpoint;
import no.dialog.local.gateway.DevTokenIssuer;
import no.dialog.local.gateway.HttpRoute;
import no.dialog.local.gateway.JwtAuthorizer;
import no.dialog.local.gateway.JwtConfiguration;
import no.dialog.local.gateway.LocalHttpGateway;
import no.dialog.local.lambda.LocalLambdaContext;
import no.dialog.local.lambda.SqsEventSourceMapping;
import no.dialog.local.lambda.SqsEventSourceSettings;
import no.dialog.local.notifications.BucketNotifications;
import no.dialog.local.provision.LocalProvisioner;
import no.dialog.local.provision.LocalResources;
import no.dialog.local.readiness.StackReadiness;
import no.dialog.local.sandbox.LinkChatReplies;
import no.dialog.local.sandbox.LinkConversationsSandbox;
import no.dialog.local.sandbox.LinkSandbox;
import no.dialog.local.sandbox.MakeSandbox;
import no.dialog.local.sandbox.Outbox;
import no.dialog.local.sandbox.SesSandbox;
import no.dialog.local.sandbox.VippsLocalControls;
import no.dialog.local.sandbox.VippsSandbox;
import no.dialog.local.template.ResourceTypes;
import no.dialog.local.schedule.LocalScheduler;
import no.dialog.local.schedule.ScheduleDefinition;
import no.dialog.local.template.CloudFormationTemplate;
import no.dialog.local.template.EventBridgeRuleEventSpec;
import no.dialog.local.template.EventBusSpec;
import no.dialog.local.template.FunctionSpec;
import no.dialog.local.template.FunctionSpecs;
import no.dialog.local.template.HttpApiEventSpec;
import no.dialog.local.template.HttpApiSpec;
import no.dialog.local.template.IntrinsicResolver;
import no.dialog.local.template.RuleSpec;
import no.dialog.local.template.ScheduleEventSpec;
import no.dialog.local.template.SqsEventSpec;
import no.dialog.local.template.StackSpec;
import no.dialog.local.template.UnsupportedEventSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Dialog on one machine, in one JVM, from template.yaml: emulators for DynamoDB, SQS and
 * S3; the EventBridge bus, rules and schedules; the API gateway with its JWT authorizer; SQS
 * event-source mappings; S3 notifications; and every function's real handler class, configured only
 * through its environment and endpoint overrides, exactly as in AWS.
 */
public final class LocalStack implements AutoCloseable {

    /** The landing benchmark's route: added to the local gateway only (template.yaml does not deploy it). */
    public static final String BENCHMARK_ROUTE = "/landing/static";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    public static final String STAGE = "local";
    public static final TenantId DEMO_TENANT = TenantId.of("demo");
    /** The demo tenant's e-mail sender ({@code email.from}). */
    public static final String DEMO_EMAIL_FROM = "post@demo.dialog.local";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Emulators emulators;
    private final LocalClock clock;
    private final Path clockFile;
    private final LocalEventBus bus;
    private final LocalResources resources;
    private final LocalHttpGateway gateway;
    private final DevTokenIssuer tokens;
    private final StackSpec stack;
    private final List<FunctionSpec> functionSpecs;
    private final Outbox outbox = new Outbox();
    private final StackReadiness readiness;
    private final java.util.concurrent.ExecutorService asyncInvocations = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "async-invoke");
        thread.setDaemon(true);
        return thread;
    });

    private LocalStack(LocalStackOptions options) {
        Path dataDir = options.dataDir();
        if (dataDir != null) {
            prepare(dataDir, options.reset());
        }
        clock = dataDir == null ? new LocalClock() : LocalClock.inDataFolder(dataDir);
        // First of the clock's listeners: functions in JVMs of their own read the offset from this file.
        clockFile = no.dialog.local.clock.SharedClockFile.mirror(clock, dataDir);

        EmulatorOptions.Builder emulatorOptions = EmulatorOptions.builder()
                .dynamoDbPort(options.dynamoDbPort()).sqsPort(options.sqsPort()).s3Port(options.s3Port());
        if (dataDir != null) {
            emulatorOptions.dataDir(dataDir);
        }
        emulators = Emulators.start(emulatorOptions.build());
        closeables.add(emulators);

        // Whatever has started is stopped again if a later part fails, so no port stays taken.
        try {
            CloudFormationTemplate template = CloudFormationTemplate.load(options.templateFile());
            IntrinsicResolver.Builder parameters = IntrinsicResolver.builder(template).parameter("Stage", STAGE)
                    // Two pollers per queue, as before the template set QueueMaxConcurrency: one machine runs every function.
                    .parameter("QueueMaxConcurrency", "2");
            // Staff tokens are the dev tokens: the local stack is the template's external issuer (LocalIdentity).
            no.dialog.local.gateway.LocalIdentity.templateParameters().forEach(parameters::parameter);
            IntrinsicResolver resolver = parameters.build();
            stack = StackSpec.read(template, resolver);
            // Secrets: generated as the template asks, except those the sandboxes must know (LocalDevSecrets).
            resources = new LocalProvisioner(emulators.dynamoDb(), emulators.sqs(), emulators.s3(),
                    emulators.secretsManager(), no.dialog.local.sandbox.LocalDevSecrets.values(), emulators.kms(),
                    resolver.stackName()).provision(stack);
            IntrinsicResolver running = resolver.withPhysicalIds(resources);

            bus = new LocalEventBus(clock);
            closeables.add(bus);
            LocalScheduler scheduler = new LocalScheduler(clock);
            closeables.add(scheduler);
            // Started first: functions need its port for their EventBridge endpoint; routes are added below.
            gateway = LocalHttpGateway.builder().port(options.port()).clock(clock).build().start();
            closeables.add(gateway);
            // GET /health says "starting" (with the demo import's progress) until the demo organisation is complete.
            readiness = StackReadiness.attach(gateway, options.demoOrganisationContacts());
            closeables.add(readiness);

            // The senders talk to the provider sandboxes on this gateway (its port is known only now).
            Map<String, String> sandboxParameters = new LinkedHashMap<>(LinkSandbox.templateParameters(gateway.baseUri()));
            // The e-mail sender talks to the SES sandbox; its unsubscribe links point at this gateway.
            sandboxParameters.putAll(SesSandbox.templateParameters(gateway.baseUri()));
            sandboxParameters.putAll(LinkConversationsSandbox.templateParameters(gateway.baseUri()));
            sandboxParameters.putAll(MakeSandbox.templateParameters(gateway.baseUri()));
            // Personal links point at this gateway.
            sandboxParameters.putAll(no.dialog.local.sandbox.LandingParameters.templateParameters(gateway.baseUri()));
            // Dialog's Vipps client talks to the Vipps sandbox; the demo merchant's keys are tenant settings.
            sandboxParameters.putAll(VippsSandbox.templateParameters(gateway.baseUri()));
            functionSpecs = FunctionSpecs.read(template, running.withParameters(sandboxParameters));
            FunctionFactory factory = options.functionRuntime() == LocalStackOptions.FunctionRuntime.JARS
                    ? jarFunctions(options, dataDir)
                    : spec -> new FunctionInstancePool(spec.functionName(), Duration.ofSeconds(spec.timeoutSeconds()),
                            spec.handlerClass(), spec.environment(), awsSettings(), clock, options.functionConcurrency());
            for (FunctionSpec spec : functionSpecs) {
                LocalFunction function = factory.create(spec);
                functions.put(spec.logicalId(), function);
                closeables.add((AutoCloseable) function);
            }

            for (EventBusSpec eventBus : stack.eventBuses()) {
                bus.createBus(eventBus.name());
            }
            for (RuleSpec rule : stack.rules()) {
                wireRule(rule, scheduler);
            }

            HttpApiSpec api = stack.httpApis().isEmpty() ? null : stack.httpApis().get(0);
            HttpApiSpec.JwtAuthorizer staff = api == null || api.jwtAuthorizers().isEmpty() ? null
                    : api.jwtAuthorizers().values().iterator().next();
            JwtConfiguration jwt = staff == null
                    ? new JwtConfiguration(no.dialog.local.gateway.LocalIdentity.ISSUER,
                            List.of(no.dialog.local.gateway.LocalIdentity.AUDIENCE))
                    : new JwtConfiguration(staff.issuer(), staff.audiences());
            tokens = dataDir == null ? DevTokenIssuer.inMemory(jwt, clock) : DevTokenIssuer.persistedIn(dataDir, jwt, clock);

            for (FunctionSpec spec : functionSpecs) {
                wireFunctionEvents(spec, api, jwt, scheduler);
            }

            emulators.addObjectCreatedListener(new BucketNotifications(resources, emulators.sqs(), clock));
            // Run files (letters, print files, call lists) appear in the outbox and download from /local/files.
            String exports = resources.ref("ExportsBucket").orElse(null);
            if (exports != null) {
                emulators.addObjectCreatedListener(new no.dialog.local.files.RunFilesOutbox(exports, outbox, clock));
                gateway.mount(no.dialog.local.files.RunFileDownloads.MOUNT,
                        new no.dialog.local.files.RunFileDownloads(emulators.s3(), exports));
            }

            StackStatus status = new StackStatus(resources, emulators.dynamoDb(), emulators.sqs(), contactStore());
            gateway.mount("/local/", new ConsolePage(status, bus, clock, this::functionInstances, outbox, readiness)
                    .withJarFunctions(this::functionStats));
            gateway.mount("/local/token", new DevTokenEndpoint(tokens));
            // Journey results as pictures, read through this gateway's admin API with a viewer dev token.
            gateway.mount("/local/results", new no.dialog.local.console.ResultsPage(gateway.baseUri(), tokens));
            gateway.mount("/local/events", LocalEndpoints.events(bus));
            gateway.mount("/local/functions", no.dialog.local.console.FunctionsEndpoint.of(this::functionStats));
            gateway.mount("/local/outbox", LocalEndpoints.outbox(outbox));
            gateway.mount("/local/sends", new no.dialog.local.console.SendOutcomes(emulators.dynamoDb(),
                    resources.requireTableName("SendLedgerTable")));
            // LINK's gate posts delivery reports to the webhooks on this gateway (off for the SMS benchmark, which
            // measures the send path alone: -Ddialog.local.link.deliveryReports=false).
            LinkSandbox link = new LinkSandbox(outbox, clock,
                    Boolean.parseBoolean(System.getProperty("dialog.local.link.deliveryReports", "true"))
                            ? gateway.baseUri() : null);
            closeables.add(link);
            gateway.mount(LinkSandbox.MOUNT, link);
            gateway.mount(SesSandbox.MOUNT, new SesSandbox(outbox, bus, clock, sesConfigurationSets(template)));
            LinkConversationsSandbox chat = new LinkConversationsSandbox(outbox, clock);
            gateway.mount(LinkConversationsSandbox.MOUNT, chat);
            gateway.mount("/local/chat/reply", new LinkChatReplies(chat, LinkConversationsSandbox.LOCAL_WEBHOOK_SECRET,
                    clock));
            gateway.mount(MakeSandbox.MOUNT, new MakeSandbox(outbox, clock));
            // Vipps MobilePay: the API twin and its approve pages; webhooks go to this gateway's /webhooks/vipps/demo.
            VippsSandbox vipps = new VippsSandbox(outbox, clock, gateway.baseUri(), DEMO_TENANT.value(),
                    "Demo Organisation");
            closeables.add(vipps);
            gateway.mount(VippsSandbox.MOUNT, vipps);
            gateway.mount(VippsLocalControls.MOUNT, new VippsLocalControls(vipps));
            vipps.startSettling(Duration.ofSeconds(5));
            gateway.mount("/local/clock/advance", LocalEndpoints.clockAdvance(clock));
            gateway.mount("/local/signals", new no.dialog.local.console.LocalSignals(emulators.sqs(),
                    resources.requireQueueUrl("ResponsesQueue"), clock));
            gateway.mount("/local/simulate/answers", new no.dialog.local.console.SimulatedAnswers(emulators.dynamoDb(),
                    resources.requireTableName("EnrolmentsTable"), emulators.sqs(),
                    resources.requireQueueUrl("ResponsesQueue"), clock));
            gateway.mount("/aws/events", new EventBridgeEndpoint(bus));
            scheduler.start();

            new DemoOrganisation(emulators.dynamoDb(), resources.requireTableName("TenantsTable"), emulators.s3(),
                    importsBucket(), clock).ensure(options.demoContacts(), options.plantedPeople(),
                    resources.requireTableName("PaymentsTable"), DEMO_EMAIL_FROM);
            readiness.watch(emulators, resources, clock);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts everything; the caller closes it (Ctrl-C does, through the shutdown hook in main). */
    public static LocalStack start(LocalStackOptions options) {
        return new LocalStack(options);
    }

    private interface FunctionFactory {
        LocalFunction create(FunctionSpec spec);
    }

    /**
     * Functions from their jars (the template's {@code CodeUri}, relative to the template as SAM reads it), each
     * environment configured by environment variables only: the template's, Lambda's own, and the overrides
     * that point the AWS SDK at the emulators and the clock at the local clock.
     */
    private FunctionFactory jarFunctions(LocalStackOptions options, Path dataDir) {
        Path templateDir = options.templateFile().toAbsolutePath().getParent();
        TaskRoots taskRoots = TaskRoots.inTemporaryFolder();
        JavaRuntime runtime = JavaRuntime.current();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("AWS_ENDPOINT_OVERRIDE_DYNAMODB", emulators.dynamoDbEndpoint().toString());
        overrides.put("AWS_ENDPOINT_OVERRIDE_SQS", emulators.sqsEndpoint().toString());
        overrides.put("AWS_ENDPOINT_OVERRIDE_S3", emulators.s3Endpoint().toString());
        overrides.put("AWS_ENDPOINT_OVERRIDE_EVENTS", gateway.baseUri().resolve("/aws/events").toString());
        overrides.put("AWS_ENDPOINT_OVERRIDE_SECRETSMANAGER", emulators.secretsManagerEndpoint().toString());
        overrides.put("AWS_ENDPOINT_OVERRIDE_KMS", emulators.kmsEndpoint().toString());
        overrides.put(no.dialog.local.clock.SharedClockFile.ENVIRONMENT_VARIABLE, clockFile.toString());
        return spec -> {
            if (spec.codeUri() == null) {
                throw new IllegalStateException("function " + spec.logicalId() + " has no CodeUri to run");
            }
            Path taskRoot = taskRoots.of(templateDir.resolve(spec.codeUri()).normalize());
            int concurrency = spec.eventsOfType(SqsEventSpec.class).stream()
                    .map(SqsEventSpec::maximumConcurrency).filter(java.util.Objects::nonNull)
                    .reduce(options.functionConcurrency(), Math::min);
            return new JarFunction(new FunctionDefinition(spec.functionName(), spec.handler(), taskRoot,
                    spec.memorySize(), Duration.ofSeconds(spec.timeoutSeconds()), Math.max(1, concurrency),
                    spec.environment(), overrides, runtime));
        };
    }

    private Map<String, Object> awsSettings() {
        return FunctionContexts.endpoints(AwsLocal.REGION.id(), "local", "local", emulators.dynamoDbEndpoint(),
                emulators.sqsEndpoint(), emulators.s3Endpoint(), gateway.baseUri().resolve("/aws/events"),
                emulators.secretsManagerEndpoint(), emulators.kmsEndpoint());
    }

    private void wireRule(RuleSpec rule, LocalScheduler scheduler) {
        if (!rule.enabled()) {
            return;
        }
        for (RuleSpec.Target target : rule.targets()) {
            var queue = target.targetLogicalId() == null ? null : resources.queueUrl(target.targetLogicalId()).orElse(null);
            LocalFunction function = target.targetLogicalId() == null ? null : functions.get(target.targetLogicalId());
            java.util.function.Consumer<String> deliver;
            if (queue != null) {
                deliver = envelope -> emulators.sqs().sendMessage(b -> b.queueUrl(queue)
                        .messageBody(target.inputJson() != null ? target.inputJson() : envelope));
            } else if (function != null) {
                deliver = envelope -> invokeAsync(function, target.inputJson() != null ? target.inputJson() : envelope);
            } else {
                LOG.warn("rule {}: target {} is not emulated locally", rule.logicalId(), target.id());
                continue;
            }
            if (rule.eventPatternJson() != null) {
                bus.addRule(rule.ruleName() + "/" + target.id(), rule.eventBusName(), rule.eventPatternJson(), deliver);
            }
            if (rule.scheduleExpression() != null) {
                scheduler.register(ScheduleDefinition.of(rule.ruleName() + "/" + target.id(), rule.scheduleExpression()),
                        fire -> deliver.accept(fire.payload()));
            }
        }
    }

    private void wireFunctionEvents(FunctionSpec spec, HttpApiSpec api, JwtConfiguration jwt, LocalScheduler scheduler) {
        LocalFunction function = functions.get(spec.logicalId());
        for (SqsEventSpec event : spec.eventsOfType(SqsEventSpec.class)) {
            if (!event.enabled()) {
                continue;
            }
            String url = resources.requireQueueUrl(event.queueLogicalId());
            String arn = resources.getAtt(event.queueLogicalId(), "Arn").orElseThrow();
            SqsEventSourceSettings.Builder settings = SqsEventSourceSettings.builder(url, arn)
                    .batchSize(event.batchSize())
                    .maximumBatchingWindow(Duration.ofSeconds(event.maximumBatchingWindowInSeconds()))
                    .reportBatchItemFailures(event.reportBatchItemFailures());
            if (event.maximumConcurrency() != null) {
                settings.maximumConcurrency(event.maximumConcurrency());
            }
            SqsEventSourceMapping mapping = new SqsEventSourceMapping(emulators.sqs(), settings.build(), function);
            closeables.add(mapping);
            mapping.start();
        }
        for (HttpApiEventSpec event : spec.eventsOfType(HttpApiEventSpec.class)) {
            HttpRoute route = HttpRoute.of(event.method(), event.path(), function);
            if (!event.isOpen()) {
                route = route.withAuthorizer(new JwtAuthorizer(JwtAuthorizer.DEFAULT_IDENTITY_SOURCE, jwt,
                        tokens.publicKeys(), clock));
            }
            gateway.addRoute(route);
        }
        if (spec.logicalId().equals("LandingFunction")) {
            // Local only, never deployed (ADR 0024): a fixed answer through the same gateway and function, the
            // landing benchmark's ceiling (infra/bench LandingBenchmark).
            gateway.addRoute(HttpRoute.of("GET", BENCHMARK_ROUTE, function));
        }
        for (ScheduleEventSpec event : spec.eventsOfType(ScheduleEventSpec.class)) {
            if (event.enabled()) {
                // Without a time zone the expression is read in UTC (as EventBridge does); of(..., null) would fail.
                ScheduleDefinition definition = event.timezone() == null
                        ? ScheduleDefinition.of(spec.functionName() + "-" + event.name(), event.expression())
                        : ScheduleDefinition.of(spec.functionName() + "-" + event.name(), event.expression(),
                                java.time.ZoneId.of(event.timezone()));
                if (event.inputJson() != null) {
                    definition = definition.withInput(event.inputJson());
                }
                scheduler.register(definition, fire -> invokeAsync(function, fire.payload()));
            }
        }
        for (EventBridgeRuleEventSpec event : spec.eventsOfType(EventBridgeRuleEventSpec.class)) {
            bus.addRule(spec.functionName() + "-" + event.name(), event.eventBusName(), event.patternJson(),
                    envelope -> invokeAsync(function, event.inputJson() != null ? event.inputJson() : envelope));
        }
        for (UnsupportedEventSpec event : spec.eventsOfType(UnsupportedEventSpec.class)) {
            LOG.warn("function {}: event {} is of a kind the local stack does not emulate", spec.logicalId(), event.name());
        }
    }

    /** EventBridge and schedules invoke Lambda asynchronously with the event as a JSON object. */
    private void invokeAsync(LocalFunction function, String json) {
        asyncInvocations.execute(() -> {
            try {
                Map<String, Object> event = MAPPER.readValue(json, new TypeReference<>() {});
                function.invoke(event, LocalLambdaContext.forInvocationOf(function));
            } catch (Exception e) {
                LOG.error("asynchronous invocation of {} failed", function.name(), e);
            }
        });
    }

    private DynamoDbContactStore contactStore() {
        DynamoDbContactStore store = new DynamoDbContactStore(emulators.dynamoDb(),
                resources.requireTableName("ContactsTable"), clock, 4);
        closeables.add(() -> store.close());
        return store;
    }

    /** The names of the template's SES configuration sets, which the SES sandbox accepts. */
    private Set<String> sesConfigurationSets(CloudFormationTemplate template) {
        Set<String> names = new HashSet<>();
        for (var resource : template.resourcesOfType(ResourceTypes.SES_CONFIGURATION_SET)) {
            stack.namedResource(resource.logicalId()).ifPresent(named -> names.add(named.physicalName()));
        }
        return names;
    }

    public String importsBucket() {
        return resources.ref("ImportsBucket").orElseThrow();
    }

    public URI baseUri() {
        return gateway.baseUri();
    }

    public Emulators emulators() {
        return emulators;
    }

    public LocalResources resources() {
        return resources;
    }

    public LocalClock clock() {
        return clock;
    }

    public LocalEventBus bus() {
        return bus;
    }

    /** Ready once the demo organisation is complete; {@code /health} and the console show it. */
    public StackReadiness readiness() {
        return readiness;
    }

    /** What the provider sandboxes accepted. */
    public Outbox outbox() {
        return outbox;
    }


    public Map<String, Integer> functionInstances() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        functions.forEach((id, function) -> counts.put(id, function instanceof JarFunction jar
                ? jar.stats().instances() : ((FunctionInstancePool) function).instances()));
        return counts;
    }

    /** The function of this name, when it runs from its jar. */
    public java.util.Optional<JarFunction> jarFunction(String functionName) {
        return functions.values().stream().filter(f -> f instanceof JarFunction && f.name().equals(functionName))
                .map(JarFunction.class::cast).findFirst();
    }

    /** Per function run from its jar: environments, cold starts with their init times, invocations, errors. */
    public List<JarFunction.Stats> functionStats() {
        return functions.values().stream().filter(JarFunction.class::isInstance)
                .map(function -> ((JarFunction) function).stats()).toList();
    }

    /** The template's functions, as this stack runs them (environment resolved). */
    public List<FunctionSpec> functionSpecs() {
        return functionSpecs;
    }

    /** The template's resources other than functions, as read. */
    public StackSpec stackSpec() {
        return stack;
    }

    public String busName() {
        return resources.ref("DialogBus").orElseThrow();
    }

    @Override
    public void close() {
        asyncInvocations.shutdownNow();
        for (AutoCloseable closeable : reversed(closeables)) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", closeable, e);
            }
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static void prepare(Path dataDir, boolean reset) {
        try {
            if (reset && Files.exists(dataDir)) {
                try (Stream<Path> paths = Files.walk(dataDir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data folder " + dataDir, e);
        }
    }
}
