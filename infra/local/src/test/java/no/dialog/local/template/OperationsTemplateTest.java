package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The project's template.yaml alarms on what an operator must hear about (docs/operations.md), and each check
 * finds what it is for in a template that lacks it.
 */
class OperationsTemplateTest {

    private final OperationsChecks checks = new OperationsChecks(RealTemplate.TEMPLATE);

    @Test
    void everyDeadLetterQueueHasAnAlarm() {
        assertThat(checks.deadLetterQueueAlarmProblems()).isEmpty();
    }

    @Test
    void theSendQueuesAndTheJourneyStepsQueueAlarmWhenTheyFallBehind() {
        assertThat(checks.queueAgeAlarmProblems()).isEmpty();
    }

    @Test
    void everyFunctionAlarmsOnErrorsAndThrottles() {
        assertThat(checks.functionAlarmProblems()).isEmpty();
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopic() {
        assertThat(checks.alarmTopicProblems()).isEmpty();
    }

    @Test
    void thereIsADashboard() {
        assertThat(checks.dashboardProblems()).isEmpty();
    }

    @Test
    void everyFunctionHasAConcurrencyCeiling() {
        assertThat(checks.concurrencyProblems()).isEmpty();
    }

    @Test
    void theBenchmarkRouteIsNotDeployed() {
        assertThat(RealTemplate.TEMPLATE.resourcesOfType(ResourceTypes.SERVERLESS_FUNCTION)).allSatisfy(function ->
                assertThat(String.valueOf(function.properties().get("Events")))
                        .doesNotContain(no.dialog.local.LocalStack.BENCHMARK_ROUTE));
    }

    /** A template with one of everything and no alarms: every check names what is missing. */
    @Nested
    class BareTemplate {

        private final OperationsChecks bare = new OperationsChecks(CloudFormationTemplate.parse("""
                Resources:
                  SendSmsQueue:
                    Type: AWS::SQS::Queue
                    Properties: {RedrivePolicy: {deadLetterTargetArn: !GetAtt SendSmsDLQ.Arn, maxReceiveCount: 5}}
                  SendSmsDLQ: {Type: AWS::SQS::Queue}
                  Topic: {Type: AWS::SNS::Topic}
                  Sender:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Events:
                        Sms: {Type: SQS, Properties: {Queue: !GetAtt SendSmsQueue.Arn}}
                  Page:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: a.C, Events: {Get: {Type: HttpApi, Properties: {Path: /p, Method: GET}}}}
                  ErrorsOfSender:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/Lambda
                      MetricName: Errors
                      Dimensions: [{Name: FunctionName, Value: !Ref Sender}]
                """, "bare.yaml"));

        @Test
        void namesTheDeadLetterQueueWithoutAnAlarm() {
            assertThat(bare.deadLetterQueueAlarmProblems()).containsExactly(
                    "SendSmsDLQ: dead-letter queue without an alarm on ApproximateNumberOfMessagesVisible");
        }

        @Test
        void namesTheSendQueueWithoutAnAgeAlarm() {
            assertThat(bare.queueAgeAlarmProblems()).containsExactly(
                    "SendSmsQueue: queue without an alarm on ApproximateAgeOfOldestMessage");
        }

        @Test
        void namesEachMissingFunctionAlarm() {
            assertThat(bare.functionAlarmProblems()).containsExactlyInAnyOrder(
                    "Sender: function without an alarm on Throttles",
                    "Page: function without an alarm on Errors",
                    "Page: function without an alarm on Throttles");
        }

        @Test
        void namesTheAlarmThatNotifiesNobody() {
            assertThat(bare.alarmTopicProblems()).containsExactly(
                    "ErrorsOfSender: alarm whose AlarmActions do not include Topic");
        }

        @Test
        void missesTheDashboard() {
            assertThat(bare.dashboardProblems()).containsExactly("the template has no CloudWatch dashboard");
        }

        @Test
        void namesFunctionsWithoutAConcurrencyCeiling() {
            assertThat(bare.concurrencyProblems()).containsExactlyInAnyOrder(
                    "Sender: function without ReservedConcurrentExecutions (or ScalingConfig.MaximumConcurrency on"
                            + " every SQS event, when it has only those)",
                    "Page: function without ReservedConcurrentExecutions (or ScalingConfig.MaximumConcurrency on"
                            + " every SQS event, when it has only those)");
        }
    }
}
