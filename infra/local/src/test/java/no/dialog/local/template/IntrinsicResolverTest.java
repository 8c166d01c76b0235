package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {

    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.parse("""
            Parameters:
              Stage: {Type: String, Default: dev, AllowedPattern: "[a-z]+"}
              Size: {Type: Number, Default: 30}
              Zones: {Type: CommaDelimitedList, Default: "a, b,c"}
              Secret: {Type: String}
            Mappings:
              Sizes:
                dev: {memory: 512}
                prod: {memory: 2048}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsNotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsNotProd, !Equals [!Ref Size, 30]]
              Either: !Or [!Condition IsProd, !Equals ["1", 1]]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub table-${Stage}
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub queue-${Stage}
              UnnamedQueue:
                Type: AWS::SQS::Queue
              ProdOnly:
                Type: AWS::SQS::Queue
                Condition: IsProd
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: !Sub fn-${Stage}
                  AutoPublishAlias: live
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub /aws/lambda/${Fn}
            """, "test.yaml");

    private final IntrinsicResolver resolver = IntrinsicResolver.builder(TEMPLATE).parameter("Stage", "local").build();

    /** SAM makes {@code FnAliaslive} for {@code AutoPublishAlias: live}; its Ref is the qualified function ARN. */
    @Test
    void refOfTheAliasSamGeneratesIsTheFunctionQualifiedWithTheAlias() {
        String functionArn = "arn:aws:lambda:eu-north-1:000000000000:function:fn-local";
        assertThat(resolve(Map.of("Ref", "FnAliaslive"))).isEqualTo(functionArn + ":live");
        assertThat(resolve(Map.of("Fn::Sub", "${FnAliaslive}/invocations"))).isEqualTo(functionArn + ":live/invocations");
        assertThat(TEMPLATE.functionOfAlias("FnAliaslive")).contains("Fn");
        assertThat(TEMPLATE.functionOfAlias("FnAliasprod")).as("no such alias").isEmpty();
        assertThatThrownBy(() -> resolve(Map.of("Ref", "FnAliasprod")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("FnAliasprod names no parameter, resource or pseudo parameter");
    }

    @Test
    void refResolvesParametersPseudoParametersAndResources() {
        assertThat(resolve(Map.of("Ref", "Stage"))).isEqualTo("local");
        assertThat(resolve(Map.of("Ref", "Size"))).as("numbers resolve as text").isEqualTo("30");
        assertThat(resolve(Map.of("Ref", "Zones"))).isEqualTo(List.of("a", "b", "c"));
        assertThat(resolve(Map.of("Ref", "AWS::AccountId"))).isEqualTo("000000000000");
        assertThat(resolve(Map.of("Ref", "AWS::Region"))).isEqualTo("eu-north-1");
        assertThat(resolve(Map.of("Ref", "AWS::Partition"))).isEqualTo("aws");
        assertThat(resolve(Map.of("Ref", "AWS::URLSuffix"))).isEqualTo("amazonaws.com");
        assertThat(resolve(Map.of("Ref", "AWS::StackName"))).isEqualTo("dialog-local");
        assertThat(resolve(Map.of("Ref", "Table"))).isEqualTo("table-local");
        assertThat(resolve(Map.of("Ref", "Fn"))).isEqualTo("fn-local");
    }

    @Test
    void getAttGivesPlannedArnsAndNames() {
        assertThat(resolve(Map.of("Fn::GetAtt", List.of("Table", "Arn"))))
                .isEqualTo("arn:aws:dynamodb:eu-north-1:000000000000:table/table-local");
        assertThat(resolve(Map.of("Fn::GetAtt", List.of("Queue", "Arn"))))
                .isEqualTo("arn:aws:sqs:eu-north-1:000000000000:queue-local");
        assertThat(resolve(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")))).isEqualTo("queue-local");
        assertThat(resolve(Map.of("Fn::GetAtt", List.of("UnnamedQueue", "QueueName"))))
                .as("CloudFormation would add a random suffix; locally it stays stable")
                .isEqualTo("dialog-local-UnnamedQueue");
        assertThat(resolve(Map.of("Fn::GetAtt", "Fn.Arn")))
                .isEqualTo("arn:aws:lambda:eu-north-1:000000000000:function:fn-local");
    }

    @Test
    void subReplacesParametersResourcesAttributesAndKeepsEscapes() {
        assertThat(resolve(Map.of("Fn::Sub", "${Stage}/${Table}/${Queue.QueueName}/${AWS::Region}/${!Literal}")))
                .isEqualTo("local/table-local/queue-local/eu-north-1/${Literal}");
        assertThat(resolve(Map.of("Fn::Sub", List.of("${Name}-${Stage}", Map.of("Name", Map.of("Ref", "Size"))))))
                .isEqualTo("30-local");
        assertThat(resolve(Map.of("Fn::Sub", "no variables, ${ unterminated")))
                .isEqualTo("no variables, ${ unterminated");
        assertThat(new IntrinsicResolverTest().resolver.resolveString(
                TEMPLATE.resource("Logs").orElseThrow().properties().get("LogGroupName"), "x"))
                .isEqualTo("/aws/lambda/fn-local");
    }

    @Test
    void listFunctionsWork() {
        assertThat(resolve(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "Stage"), 3)))))
                .isEqualTo("a-local-3");
        assertThat(resolve(Map.of("Fn::Split", List.of(",", "a,,b")))).isEqualTo(List.of("a", "", "b"));
        assertThat(resolve(Map.of("Fn::Select", List.of("1", Map.of("Ref", "Zones"))))).isEqualTo("b");
        assertThat(resolve(Map.of("Fn::Join", List.of(",", Map.of("Fn::GetAZs", "")))))
                .isEqualTo("eu-north-1a,eu-north-1b,eu-north-1c");
        assertThat(resolve(Map.of("Fn::FindInMap", List.of("Sizes", "prod", "memory")))).isEqualTo(2048);
        assertThat(resolve(Map.of("Fn::Base64", "hi"))).isEqualTo("aGk=");
    }

    @Test
    void conditionsAndIfFollowTheParameters() {
        assertThat(resolver.conditionHolds("IsProd")).isFalse();
        assertThat(resolver.conditionHolds("IsNotProd")).isTrue();
        assertThat(resolver.conditionHolds("Both")).isTrue();
        assertThat(resolver.conditionHolds("Either")).as("1 and \"1\" are equal, as in CloudFormation").isTrue();
        assertThat(resolve(Map.of("Fn::If", List.of("IsProd", "big", "small")))).isEqualTo("small");
        assertThat(resolver.isIncluded(TEMPLATE.resource("ProdOnly").orElseThrow())).isFalse();

        IntrinsicResolver prod = IntrinsicResolver.builder(TEMPLATE).parameter("Stage", "prod").build();
        assertThat(prod.conditionHolds("IsProd")).isTrue();
        assertThat(prod.resolve(Map.of("Fn::If", List.of("IsProd", "big", "small")), "x")).isEqualTo("big");
    }

    @Test
    void noValueRemovesTheProperty() {
        Object resolved = resolve(Map.of(
                "Keep", "yes",
                "Drop", Map.of("Fn::If", List.of("IsProd", "x", Map.of("Ref", "AWS::NoValue"))),
                "List", List.of("a", Map.of("Ref", "AWS::NoValue"))));
        assertThat(resolved).isEqualTo(Map.of("Keep", "yes", "List", List.of("a")));
        assertThat(resolve(Map.of("Ref", "AWS::NoValue"))).isNull();
    }

    @Test
    void physicalIdsGiveWhatOnlyExistsAfterProvisioning() {
        assertThatThrownBy(() -> resolve(Map.of("Ref", "Queue")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.Test.Properties.Value (Ref): Ref Queue (AWS::SQS::Queue) has no known value yet");

        IntrinsicResolver provisioned = resolver.withPhysicalIds(new PhysicalIds() {
            @Override
            public Optional<String> ref(String logicalId) {
                return Optional.of("http://localhost/000000000000/" + logicalId);
            }

            @Override
            public Optional<String> getAtt(String logicalId, String attribute) {
                return Optional.of(logicalId + "/" + attribute);
            }
        });
        assertThat(provisioned.resolve(Map.of("Fn::Sub", "${Queue}|${Queue.QueueUrl}"), "x"))
                .isEqualTo("http://localhost/000000000000/Queue|Queue/QueueUrl");
        assertThat(provisioned.resolve(Map.of("Ref", "Stage"), "x")).as("parameters are kept").isEqualTo("local");
    }

    @Test
    void unknownNamesNameTheLogicalIdAndPath() {
        assertThatThrownBy(() -> resolve(Map.of("Ref", "Nope")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Resources.Test.Properties.Value (Ref): Ref Nope names no parameter, resource or"
                        + " pseudo parameter in test.yaml");
        assertThatThrownBy(() -> resolver.resolve(
                Map.of("Variables", Map.of("TABLE", Map.of("Fn::Sub", "${Missing}-x"))), "Resources.Fn.Properties.Environment"))
                .hasMessageStartingWith("Resources.Fn.Properties.Environment.Variables.TABLE (Fn::Sub) ${Missing}:"
                        + " names no parameter, resource");
        assertThatThrownBy(() -> resolve(Map.of("Fn::GetAtt", List.of("Nope", "Arn"))))
                .hasMessageContaining("Fn::GetAtt Nope.Arn names no resource");
        assertThatThrownBy(() -> resolve(Map.of("Fn::GetAtt", List.of("Queue", "Nope"))))
                .hasMessageContaining("AWS::SQS::Queue has no attribute Nope");
        assertThatThrownBy(() -> resolve(Map.of("Fn::If", List.of("Nope", "a", "b"))))
                .hasMessageContaining("Conditions.Nope does not exist");
    }

    @Test
    void badShapesAndMissingValuesAreReported() {
        assertThatThrownBy(() -> resolve(Map.of("Ref", "Secret")))
                .hasMessageContaining("Parameters.Secret has no Default and no value was given");
        assertThatThrownBy(() -> resolve(Map.of("Fn::Select", List.of(5, List.of("a")))))
                .hasMessageContaining("Fn::Select index 5 is outside the list of 1");
        assertThatThrownBy(() -> resolve(Map.of("Fn::Join", "not a list")))
                .hasMessageContaining("(Fn::Join): needs [delimiter, [values]]");
        assertThatThrownBy(() -> resolve(Map.of("Fn::ImportValue", "x")))
                .hasMessageContaining("does not have");
        assertThatThrownBy(() -> resolve(Map.of("Fn::Cidr", List.of())))
                .hasMessageContaining("does not support Fn::Cidr");
        assertThatThrownBy(() -> resolve(Map.of("Fn::Sub", List.of("${A}"))))
                .hasMessageContaining("Fn::Sub needs a string or [string, {variables}]");
        assertThatThrownBy(() -> IntrinsicResolver.builder(TEMPLATE).parameter("Stge", "x"))
                .hasMessageContaining("has no such parameter");
        assertThatThrownBy(() -> IntrinsicResolver.builder(TEMPLATE).parameter("Stage", "Not Allowed"))
                .hasMessageContaining("does not match its AllowedPattern");
    }

    @Test
    void cyclicConditionsAreReported() {
        CloudFormationTemplate cyclic = CloudFormationTemplate.parse("""
                Conditions:
                  A: !Not [!Condition B]
                  B: !Not [!Condition A]
                Resources: {}
                """);
        assertThatThrownBy(() -> IntrinsicResolver.builder(cyclic).build().conditionHolds("A"))
                .hasMessageContaining("depends on itself");
    }

    private Object resolve(Object value) {
        return resolver.resolve(value, "Resources.Test.Properties.Value");
    }
}
