package no.dialog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFormationTemplateTest {

    @Test
    void shortFormTagsBecomeLongForm() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Resources:
                  Thing:
                    Type: Custom::Thing
                    Properties:
                      Ref: !Ref Stage
                      DotAtt: !GetAtt Queue.Arn
                      ListAtt: !GetAtt [Queue, QueueName]
                      NestedAtt: !GetAtt Db.Endpoint.Address
                      Sub: !Sub "x-${Stage}"
                      SubMap: !Sub ["${A}", {A: !Ref Stage}]
                      Join: !Join [",", [a, !Ref Stage]]
                      Select: !Select [0, !Split [",", "a,b"]]
                      If: !If [IsProd, a, b]
                      Equals: !Equals [a, b]
                      Not: !Not [!Condition IsProd]
                      And: !And [!Condition IsProd, !Condition IsProd]
                      Or: !Or [!Condition IsProd, !Condition IsProd]
                      FindInMap: !FindInMap [M, a, b]
                      Base64: !Base64 text
                      GetAZs: !GetAZs ""
                      ImportValue: !ImportValue other
                      Version: 2012-10-17
                """);
        Map<String, Object> p = template.resource("Thing").orElseThrow().properties();
        assertThat(p.get("Ref")).isEqualTo(Map.of("Ref", "Stage"));
        assertThat(p.get("DotAtt")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "Arn")));
        assertThat(p.get("ListAtt")).isEqualTo(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")));
        assertThat(p.get("NestedAtt")).isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
        assertThat(p.get("Sub")).isEqualTo(Map.of("Fn::Sub", "x-${Stage}"));
        assertThat(p.get("SubMap")).isEqualTo(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "Stage")))));
        assertThat(p.get("Join")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", Map.of("Ref", "Stage")))));
        assertThat(p.get("Select")).isEqualTo(
                Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "a,b")))));
        assertThat(p.get("If")).isEqualTo(Map.of("Fn::If", List.of("IsProd", "a", "b")));
        assertThat(p.get("Equals")).isEqualTo(Map.of("Fn::Equals", List.of("a", "b")));
        assertThat(p.get("Not")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))));
        assertThat(p.get("And")).isEqualTo(Map.of("Fn::And",
                List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "IsProd"))));
        assertThat(p.get("Or")).isEqualTo(Map.of("Fn::Or",
                List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "IsProd"))));
        assertThat(p.get("FindInMap")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "a", "b")));
        assertThat(p.get("Base64")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(p.get("GetAZs")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(p.get("ImportValue")).isEqualTo(Map.of("Fn::ImportValue", "other"));
        assertThat(p.get("Version")).as("dates stay text, as CloudFormation reads them").isEqualTo("2012-10-17");
    }

    @Test
    void globalsAreMergedIntoFunctionsTheWaySamDoes() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Globals:
                  Function:
                    Runtime: java25
                    Timeout: 30
                    Layers: [global-layer]
                    Environment:
                      Variables:
                        SHARED: global
                        OVERRIDDEN: global
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::c
                      Timeout: 300
                      Layers: [own-layer]
                      Environment:
                        Variables:
                          OVERRIDDEN: function
                          OWN: function
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: t
                """);
        Map<String, Object> function = template.resource("Fn").orElseThrow().properties();
        assertThat(function).containsEntry("Runtime", "java25").containsEntry("Timeout", 300);
        assertThat(function.get("Layers")).isEqualTo(List.of("global-layer", "own-layer"));
        assertThat(function.get("Environment")).isEqualTo(Map.of("Variables",
                Map.of("SHARED", "global", "OVERRIDDEN", "function", "OWN", "function")));
        assertThat(template.resource("Table").orElseThrow().properties()).doesNotContainKey("Runtime");
        assertThat(template.raw().get("Resources")).asString().doesNotContain("SHARED");
    }

    @Test
    void intrinsicValuesAreNotMergedWithGlobals() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("""
                Globals:
                  Function:
                    Environment:
                      Variables: {A: global}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment: !If [C, {Variables: {B: x}}, !Ref AWS::NoValue]
                """);
        assertThat(template.resource("Fn").orElseThrow().properties().get("Environment"))
                .isEqualTo(Map.of("Fn::If", List.of("C", Map.of("Variables", Map.of("B", "x")),
                        Map.of("Ref", "AWS::NoValue"))));
    }

    @Test
    void reportsBrokenTemplatesClearly() {
        assertThatThrownBy(() -> CloudFormationTemplate.parse("Resources: [a", "broken.yaml"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("broken.yaml is not valid YAML");
        assertThatThrownBy(() -> CloudFormationTemplate.parse("Resources:\n  A:\n    Properties: {}\n"))
                .hasMessageContaining("Resources.A: every resource needs a Type");
        assertThatThrownBy(() -> CloudFormationTemplate.parse("Resources:\n  A: {Type: x}\n  A: {Type: y}\n"))
                .hasMessageContaining("duplicate key A");
        assertThatThrownBy(() -> CloudFormationTemplate.parse("- a\n- b\n"))
                .hasMessageContaining("must be a YAML map");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theParsedTreeCannotBeChangedByAReader() {
        CloudFormationTemplate template = CloudFormationTemplate.parse("Resources:\n  A: {Type: x, Properties: {L: [1]}}\n");
        assertThatThrownBy(() -> template.raw().put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Object> properties = template.resource("A").orElseThrow().properties();
        assertThatThrownBy(() -> ((List<Object>) properties.get("L")).add(2))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
