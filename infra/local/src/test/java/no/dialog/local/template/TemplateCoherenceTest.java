package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proves the project's template.yaml hangs together (each check a test of its own, so a failure names
 * what is wrong), and that each check does find the problem it is for in a broken template.
 */
class TemplateCoherenceTest {

    private final TemplateCoherence coherence = new TemplateCoherence(RealTemplate.TEMPLATE, RealTemplate.localResolver());

    /**
     * Needs the function modules (dialog-sync, dialog-admin-api) on this module's test classpath; until
     * infra/local depends on them this test fails, naming each handler class it cannot find.
     */
    @Test
    void everyHandlerIsAPublicMethodOnTheClasspath() {
        assertThat(coherence.handlerProblems(getClass().getClassLoader())).as("handler problems").isEmpty();
    }

    @Test
    void everyReferenceNamesSomethingThatExists() {
        assertThat(coherence.referenceProblems()).as("reference problems").isEmpty();
    }

    @Test
    void everySqsEventReportsBatchItemFailures() {
        assertThat(coherence.sqsEventProblems()).as("SQS event problems").isEmpty();
    }

    @Test
    void everyQueueHasADeadLetterQueue() {
        assertThat(coherence.deadLetterQueueProblems()).as("dead-letter queue problems").isEmpty();
    }

    @Test
    void everyFunctionDeclaresItsPermissions() {
        assertThat(coherence.permissionProblems()).as("permission problems").isEmpty();
    }

    @Test
    void everyQueueThatAServiceSendsToAllowsThatService() {
        assertThat(coherence.queuePolicyProblems()).as("queue policy problems").isEmpty();
    }

    @Test
    void noTwoNotificationRulesOfABucketOverlap() {
        assertThat(coherence.bucketNotificationProblems()).as("bucket notification problems").isEmpty();
    }

    /** S3's rule: same event, overlapping prefixes and overlapping suffixes (an absent one overlaps all). */
    @Test
    void notificationRulesOverlapAsS3SeesIt() {
        CloudFormationTemplate bucket = CloudFormationTemplate.parse("""
                Resources:
                  Files:
                    Type: AWS::S3::Bucket
                    Properties:
                      NotificationConfiguration:
                        QueueConfigurations:
                          - {Event: s3:ObjectCreated:*, Queue: q, Filter: {S3Key: {Rules: [{Name: suffix, Value: .ndjson}]}}}
                          - {Event: s3:ObjectCreated:Put, Queue: q, Filter: {S3Key: {Rules: [{Name: prefix, Value: ocr/}]}}}
                          - {Event: s3:ObjectCreated:*, Queue: q, Filter: {S3Key: {Rules: [{Name: prefix, Value: ocr/}, {Name: suffix, Value: .ocr}]}}}
                          - {Event: s3:ObjectRemoved:*, Queue: q}
                """, "overlap.yaml");

        assertThat(new TemplateCoherence(bucket, IntrinsicResolver.builder(bucket).build()).bucketNotificationProblems())
                .containsExactly(
                        "Files: NotificationConfiguration.QueueConfigurations[0] and QueueConfigurations[1] overlap (same"
                                + " event, overlapping prefixes and suffixes), which S3 refuses; give them distinct"
                                + " prefixes or suffixes",
                        "Files: NotificationConfiguration.QueueConfigurations[1] and QueueConfigurations[2] overlap (same"
                                + " event, overlapping prefixes and suffixes), which S3 refuses; give them distinct"
                                + " prefixes or suffixes");
    }

    @Test
    void everyHttpApiEventUsesAnExistingApiAndAuthorizer() {
        assertThat(coherence.httpApiEventProblems()).as("HTTP API event problems").isEmpty();
    }

    @Test
    void everyFunctionHasALogGroupWithRetention() {
        assertThat(coherence.logGroupProblems()).as("log group problems").isEmpty();
    }

    @Test
    void everyQueueHidesAMessageForSixTimesItsFunctionsTimeout() {
        assertThat(coherence.visibilityTimeoutProblems()).as("visibility timeout problems").isEmpty();
    }

    @Test
    void everyFunctionStartsFromASnapStartSnapshot() {
        assertThat(coherence.snapStartProblems()).as("SnapStart problems").isEmpty();
    }

    @Test
    void nothingInvokesAFunctionPastItsAlias() {
        assertThat(coherence.aliasInvocationProblems()).as("alias invocation problems").isEmpty();
    }

    /** SnapStart, its alias and the queues that feed a function: each check reports its own mistakes. */
    @Nested
    class SnapStartTemplate {

        private final CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Resources:
                  Jobs: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 120}}
                  Ticks: {Type: AWS::SQS::Queue, Properties: {VisibilityTimeout: 360}}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: a.B::c
                      Timeout: 60
                      AutoPublishAlias: live
                      VersionDescription: config revision 1
                      SnapStart: {ApplyOn: PublishedVersions}
                      Events:
                        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
                        Ticks: {Type: SQS, Properties: {Queue: !GetAtt Ticks.Arn}}
                  Unsnapped:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: a.B::c
                      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}
                      EphemeralStorage: {Size: 1024}
                  Unversioned:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java25
                      Handler: a.B::c
                      AutoPublishAlias: live
                      SnapStart: {ApplyOn: PublishedVersions}
                  Scripted:
                    Type: AWS::Serverless::Function
                    Properties: {Runtime: python3.13, Handler: app.handler}
                  Nightly:
                    Type: AWS::Events::Rule
                    Properties:
                      ScheduleExpression: cron(0 2 * * ? *)
                      Targets:
                        - {Id: direct, Arn: !GetAtt Worker.Arn}
                        - {Id: through-alias, Arn: !Ref WorkerAliaslive}
                  DirectPermission:
                    Type: AWS::Lambda::Permission
                    Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref Worker, Principal: events.amazonaws.com}
                  AliasPermission:
                    Type: AWS::Lambda::Permission
                    Properties: {Action: lambda:InvokeFunction, FunctionName: !Ref WorkerAliaslive, Principal: events.amazonaws.com}
                """, "snapstart.yaml");

        private final IntrinsicResolver resolver = IntrinsicResolver.builder(template).build();
        private final TemplateCoherence checks = new TemplateCoherence(template, resolver);

        @Test
        void aQueueHidingMessagesForLessThanSixFunctionTimeoutsIsReported() {
            assertThat(checks.visibilityTimeoutProblems()).containsExactly("Worker.Events.Jobs: queue Jobs has"
                    + " VisibilityTimeout 120 s, less than six times the function's Timeout (6 x 60 = 360 s), so a message"
                    + " can be delivered again while a batch is still working on it");
        }

        @Test
        void javaFunctionsWithoutSnapStartOrWithWhatItRefusesAreReported() {
            assertThat(checks.snapStartProblems()).containsExactly(
                    "Unsnapped: no SnapStart (SnapStart.ApplyOn: PublishedVersions), so every cold start runs the whole init",
                    "Unsnapped: no AutoPublishAlias, so no version is published and SnapStart never applies; triggers would"
                            + " invoke $LATEST",
                    "Unsnapped: ProvisionedConcurrencyConfig and SnapStart cannot be used together",
                    "Unsnapped: EphemeralStorage.Size 1024 MB; SnapStart allows at most 512",
                    "Unversioned: no VersionDescription, so a deploy that changes only parameter values publishes no"
                            + " version and the alias keeps the old configuration (template.yaml: ConfigRevision)");
        }

        @Test
        void invokingTheFunctionInsteadOfItsAliasIsReported() {
            assertThat(checks.aliasInvocationProblems()).containsExactly(
                    "Nightly.Targets[0].Arn: invokes Worker itself ($LATEST), which skips SnapStart and the published"
                            + " version; use !Ref WorkerAliaslive",
                    "DirectPermission.FunctionName: invokes Worker itself ($LATEST), which skips SnapStart and the"
                            + " published version; use !Ref WorkerAliaslive");
        }

        @Test
        void theAliasSamGeneratesIsAReferenceThatExists() {
            assertThat(checks.referenceProblems()).isEmpty();
        }

        @Test
        void aRuleTargetOnTheAliasRunsTheFunctionLocally() {
            RuleSpec nightly = StackSpec.read(template, resolver).rule("Nightly").orElseThrow();
            assertThat(nightly.targets()).extracting(RuleSpec.Target::targetLogicalId).containsExactly("Worker", "Worker");
            assertThat(nightly.targets().get(1).arn()).isEqualTo(Arns.function("dialog-local-Worker") + ":live");
        }
    }

    /** A small template with one mistake of each kind: every check must report its own. */
    @Nested
    class BrokenTemplate {

        private final CloudFormationTemplate broken = CloudFormationTemplate.parse("""
                Parameters:
                  Stage: {Type: String, Default: test}
                Resources:
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub work-${Stage}
                      VisibilityTimeout: !Ref Missing
                  Uploads:
                    Type: AWS::S3::Bucket
                    DependsOn: NotThere
                    Properties:
                      BucketName: !Sub uploads-${Stge}
                      NotificationConfiguration:
                        QueueConfigurations:
                          - {Event: s3:ObjectCreated:*, Queue: !GetAtt Work.Arn}
                  WrongPolicy:
                    Type: AWS::SQS::QueuePolicy
                    Properties:
                      Queues: [!Ref Work]
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Principal: {Service: sns.amazonaws.com}, Action: sqs:SendMessage}
                  Api:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      Auth:
                        Authorizers:
                          Staff: {JwtConfiguration: {issuer: x, audience: [y]}}
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: !Sub worker-${Stage}
                      Handler: java.util.ArrayList::size
                      Environment:
                        Variables:
                          QUEUE_NAME: !GetAtt Work.Name
                      Policies: [AWSLambdaBasicExecutionRole]
                      Events:
                        Work:
                          Type: SQS
                          Properties: {Queue: !GetAtt Work.Arn}
                        Route:
                          Type: HttpApi
                          Properties: {ApiId: !Ref Api, Path: /x, Method: GET, Auth: {Authorizer: Customers}}
                        Elsewhere:
                          Type: HttpApi
                          Properties: {ApiId: !Ref NoApi, Path: /y, Method: GET}
                  Loose:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: no.such.Handler::handleRequest
                  Mathematician:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: java.lang.Math::nope
                      Role: arn:aws:iam::000000000000:role/x
                  Abstract:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: java.util.AbstractList::size
                      Role: arn:aws:iam::000000000000:role/x
                  Static:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: java.lang.String::valueOf
                      Role: arn:aws:iam::000000000000:role/x
                  WorkerLogs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Sub /aws/lambda/${Worker}
                  StaticLogs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /aws/lambda/dialog-local-Static
                      RetentionInDays: 7
                """, "broken.yaml");

        private final TemplateCoherence checks = new TemplateCoherence(broken, IntrinsicResolver.builder(broken).build());

        @Test
        void danglingReferencesAreReported() {
            assertThat(checks.referenceProblems()).containsExactlyInAnyOrder(
                    "Resources.Work.Properties.VisibilityTimeout (Ref): Missing names no resource, parameter or pseudo parameter",
                    "Resources.Uploads.Properties.BucketName (Fn::Sub): ${Stge} names no resource, parameter or pseudo parameter",
                    "Resources.Uploads.DependsOn: NotThere names no resource",
                    "Resources.Worker.Properties.Environment.Variables.QUEUE_NAME (Fn::GetAtt): Work is a AWS::SQS::Queue,"
                            + " which has no attribute Name (it has " + ResourceTypes.attributesOf(ResourceTypes.QUEUE).orElseThrow() + ")",
                    "Resources.Worker.Properties.Events.Elsewhere.Properties.ApiId (Ref): NoApi names no resource, parameter"
                            + " or pseudo parameter");
        }

        @Test
        void missingHandlersAreReported() {
            assertThat(checks.handlerProblems(getClass().getClassLoader())).containsExactlyInAnyOrder(
                    "Loose: handler class no.such.Handler (from Handler no.such.Handler::handleRequest) is not on the classpath",
                    "Mathematician: handler class java.lang.Math has no public method nope",
                    "Abstract: handler class java.util.AbstractList is abstract; Lambda must create it");
        }

        @Test
        void sqsEventsWithoutPartialBatchFailuresAreReported() {
            assertThat(checks.sqsEventProblems()).singleElement().asString()
                    .startsWith("Worker.Events.Work: SQS event without FunctionResponseTypes: [ReportBatchItemFailures]");
        }

        @Test
        void queuesWithoutDeadLetterQueueAreReported() {
            assertThat(checks.deadLetterQueueProblems()).singleElement().asString()
                    .startsWith("Work: queue has no RedrivePolicy");
        }

        @Test
        void functionsWithoutPoliciesAreReported() {
            assertThat(checks.permissionProblems()).singleElement().asString()
                    .startsWith("Loose: function has neither Policies nor Role");
        }

        @Test
        void queuesNotOpenToTheirSendersAreReported() {
            assertThat(checks.queuePolicyProblems()).containsExactly("Work: receives from Uploads but no"
                    + " AWS::SQS::QueuePolicy allows s3.amazonaws.com to sqs:SendMessage to it, so AWS drops those messages");
        }

        @Test
        void routesOnMissingApisOrAuthorizersAreReported() {
            assertThat(checks.httpApiEventProblems()).containsExactly(
                    "Worker.Events.Route: authorizer Customers is not defined on Api (Auth.Authorizers has [Staff])",
                    "Worker.Events.Elsewhere: ApiId a map [Ref] is not an HttpApi in this template");
        }

        @Test
        void functionsWithoutLogRetentionAreReported() {
            assertThat(checks.logGroupProblems()).containsExactlyInAnyOrder(
                    "Worker: its log group WorkerLogs has no RetentionInDays",
                    "Loose: no AWS::Logs::LogGroup named /aws/lambda/dialog-local-Loose, so Lambda creates one that keeps logs forever",
                    "Mathematician: no AWS::Logs::LogGroup named /aws/lambda/dialog-local-Mathematician, so Lambda creates one"
                            + " that keeps logs forever",
                    "Abstract: no AWS::Logs::LogGroup named /aws/lambda/dialog-local-Abstract, so Lambda creates one"
                            + " that keeps logs forever");
        }

        @Test
        void allProblemsCollectsEveryCheck() {
            List<String> all = checks.allProblems(getClass().getClassLoader());
            // ... + 1: the Work queue's VisibilityTimeout (!Ref Missing) cannot be compared with Worker's Timeout.
            assertThat(all).hasSize(5 + 3 + 1 + 1 + 1 + 1 + 2 + 4 + 1);
        }
    }
}
