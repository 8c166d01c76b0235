package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Spec reading for the parts of CloudFormation/SAM the project's template does not use yet. */
class InlineTemplateSpecsTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.parse("""
            Parameters:
              Stage: {Type: String, Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Globals:
              HttpApi:
                Auth:
                  DefaultAuthorizer: Jwt
                  Authorizers:
                    Jwt:
                      JwtConfiguration: {issuer: https://issuer/, audience: [a, b]}
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
                  ContentBasedDeduplication: true
                  DelaySeconds: 5
                  RedrivePolicy: '{"deadLetterTargetArn": "arn:aws:sqs:eu-north-1:000000000000:dialog-local-OrdersDlq.fifo", "maxReceiveCount": 3}'
              OrdersDlq:
                Type: AWS::SQS::Queue
                Properties: {FifoQueue: true}
              ProdQueue:
                Type: AWS::SQS::Queue
                Condition: IsProd
              Events:
                Type: AWS::DynamoDB::Table
                Properties:
                  AttributeDefinitions:
                    - {AttributeName: pk, AttributeType: S}
                    - {AttributeName: sk, AttributeType: S}
                    - {AttributeName: at, AttributeType: N}
                  KeySchema:
                    - {AttributeName: pk, KeyType: HASH}
                    - {AttributeName: sk, KeyType: RANGE}
                  LocalSecondaryIndexes:
                    - IndexName: byTime
                      KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: at, KeyType: RANGE}]
                      Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [kind]}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
                  TimeToLiveSpecification: {AttributeName: ttl, Enabled: false}
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 2 * * ? *)
                  State: DISABLED
                  Targets:
                    - {Id: fn, Arn: !GetAtt Worker.Arn, Input: '{"job":"nightly"}'}
                    - {Id: outside, Arn: arn:aws:sqs:eu-north-1:111111111111:elsewhere, InputPath: $.detail}
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: a.Worker
                  Events:
                    Tick:
                      Type: Schedule
                      Properties: {Schedule: rate(5 minutes), Input: {kind: tick}, Enabled: false}
                    Daily:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 8 * * ? *)
                        ScheduleExpressionTimezone: Europe/Oslo
                    Gift:
                      Type: EventBridgeRule
                      Properties:
                        Pattern: {detail-type: [GiftReceived]}
                        InputPath: $.detail
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:eu-north-1:000000000000:dialog-local-Orders.fifo
                        Enabled: false
                        ScalingConfig: {MaximumConcurrency: 2}
                    Page:
                      Type: HttpApi
                      Properties: {Path: "/p/{token}", Method: post}
                    Open:
                      Type: HttpApi
                      Properties: {Path: /open, Method: GET, Auth: {Authorizer: NONE}}
                    CatchAll:
                      Type: HttpApi
                    Uploads:
                      Type: S3
                      Properties: {Bucket: !Ref Nothing, Events: s3:ObjectCreated:*}
            """, "inline.yaml");

    private final IntrinsicResolver resolver = IntrinsicResolver.builder(TEMPLATE).build();
    private final StackSpec stack = StackSpec.read(TEMPLATE, resolver);

    @Test
    void fifoQueuesGetGeneratedNamesAndJsonRedrivePolicies() {
        QueueSpec orders = stack.queue("Orders").orElseThrow();
        assertThat(orders.queueName()).isEqualTo("dialog-local-Orders.fifo");
        assertThat(orders.fifo()).isTrue();
        assertThat(orders.contentBasedDeduplication()).isTrue();
        assertThat(orders.delaySeconds()).isEqualTo(5);
        assertThat(orders.redrive()).as("found by ARN, since the JSON text has no !GetAtt")
                .isEqualTo(new QueueSpec.Redrive("OrdersDlq", 3));
        assertThat(stack.queue("ProdQueue")).as("its condition is false").isEmpty();
    }

    @Test
    void tablesKeepLocalIndexesStreamsAndDisabledTtl() {
        TableSpec events = stack.table("Events").orElseThrow();
        assertThat(events.tableName()).isEqualTo("dialog-local-Events");
        assertThat(events.localSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.projectionType()).isEqualTo("INCLUDE");
            assertThat(index.nonKeyAttributes()).containsExactly("kind");
        });
        assertThat(events.streamViewType()).isEqualTo("NEW_IMAGE");
        assertThat(events.ttl()).isEmpty();
    }

    @Test
    void scheduleRulesOnTheDefaultBus() {
        RuleSpec nightly = stack.rule("Nightly").orElseThrow();
        assertThat(nightly.eventBusName()).isEqualTo("default");
        assertThat(nightly.eventBusLogicalId()).isNull();
        assertThat(nightly.scheduleExpression()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(nightly.enabled()).isFalse();
        assertThat(nightly.targets()).containsExactly(
                new RuleSpec.Target("fn", "Worker", "arn:aws:lambda:eu-north-1:000000000000:function:dialog-local-Worker",
                        "{\"job\":\"nightly\"}", null),
                new RuleSpec.Target("outside", null, "arn:aws:sqs:eu-north-1:111111111111:elsewhere", null, "$.detail"));
    }

    @Test
    void implicitHttpApiGetsTheGlobalAuthorizers() {
        HttpApiSpec api = stack.httpApi(ResourceTypes.IMPLICIT_HTTP_API).orElseThrow();
        assertThat(api.defaultAuthorizer()).isEqualTo("Jwt");
        assertThat(api.jwtAuthorizers().get("Jwt").audiences()).containsExactly("a", "b");
    }

    @Test
    void everyEventKindIsRead() {
        FunctionSpec worker = FunctionSpecs.read(TEMPLATE, resolver, "Worker");
        assertThat(worker.timeoutSeconds()).isEqualTo(FunctionSpec.DEFAULT_TIMEOUT_SECONDS);
        assertThat(worker.memorySize()).isEqualTo(FunctionSpec.DEFAULT_MEMORY_SIZE);
        assertThat(worker.policiesDeclared()).isFalse();
        assertThat(worker.handlerMethod()).isEqualTo("handleRequest");
        assertThat(worker.events()).containsExactly(
                new ScheduleEventSpec("Tick", "Schedule", "rate(5 minutes)", null, "{\"kind\":\"tick\"}", false),
                new ScheduleEventSpec("Daily", "ScheduleV2", "cron(0 8 * * ? *)", "Europe/Oslo", null, true),
                new EventBridgeRuleEventSpec("Gift", "default", null, "{\"detail-type\":[\"GiftReceived\"]}", null,
                        "$.detail"),
                new SqsEventSpec("Orders", "Orders", 10, 0, false, false, 2),
                new HttpApiEventSpec("Page", "ServerlessHttpApi", "/p/{token}", "POST", "Jwt"),
                new HttpApiEventSpec("Open", "ServerlessHttpApi", "/open", "GET", null),
                new HttpApiEventSpec("CatchAll", "ServerlessHttpApi", "$default", "ANY", "Jwt"),
                new UnsupportedEventSpec("Uploads", "S3"));
    }

    @Test
    void aQueueOutsideTheTemplateIsReported() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Events:
                        Q: {Type: SQS, Properties: {Queue: "arn:aws:sqs:eu-north-1:1:elsewhere"}}
                """, "outside.yaml");
        assertThatThrownBy(() -> FunctionSpecs.read(template, IntrinsicResolver.builder(template).build()))
                .hasMessageContaining("Resources.Fn.Properties.Events.Q.Properties.Queue: 'arn:aws:sqs:eu-north-1:1:elsewhere'"
                        + " names no AWS::SQS::Queue in outside.yaml");
    }
}
