package no.dialog.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML constructor that understands CloudFormation's short-form tags ({@code !Ref}, {@code !Sub},
 * {@code !GetAtt}, ...) and turns each into the long form ({@code {Ref: x}}, {@code {Fn::Sub: ...}}), so the
 * rest of the code only ever sees plain maps, lists and scalars.
 *
 * <p>It starts from {@link SafeConstructor} (no arbitrary Java objects) and reads timestamps as plain
 * strings, because CloudFormation has no date type: {@code Version: 2012-10-17} means the string.
 */
final class CloudFormationConstructor extends SafeConstructor {

    /** Short tags whose long form is {@code Fn::<Name>}. */
    private static final List<String> FUNCTION_TAGS = List.of(
            "Sub", "Join", "Select", "Split", "If", "Equals", "Not", "And", "Or", "FindInMap",
            "Base64", "GetAZs", "ImportValue", "Cidr", "Length", "ToJsonString");

    CloudFormationConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
        yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
        yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
        yamlConstructors.put(new Tag("!GetAtt"), new GetAttLongForm());
        for (String name : FUNCTION_TAGS) {
            yamlConstructors.put(new Tag("!" + name), new LongForm("Fn::" + name));
        }
    }

    /** Builds the tagged node as usual (scalar, list or map) and wraps it in {@code {key: value}}. */
    private class LongForm extends AbstractConstruct {
        private final String key;

        LongForm(String key) {
            this.key = key;
        }

        @Override
        public Object construct(Node node) {
            return singleEntry(key, constructUntagged(node));
        }
    }

    /** {@code !GetAtt Resource.Attribute} and {@code !GetAtt [Resource, Attribute]} both become a two-item list. */
    private class GetAttLongForm extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            Object value = constructUntagged(node);
            if (value instanceof String text) {
                // Only the first dot separates the resource: attributes such as Endpoint.Address have dots too.
                int dot = text.indexOf('.');
                if (dot <= 0 || dot == text.length() - 1) {
                    throw new TemplateException("!GetAtt " + text + " at " + node.getStartMark()
                            + " must have the form Resource.Attribute");
                }
                value = List.of(text.substring(0, dot), text.substring(dot + 1));
            }
            return singleEntry("Fn::GetAtt", value);
        }
    }

    private Object constructUntagged(Node node) {
        if (node instanceof ScalarNode scalar) {
            return constructScalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
            return new ArrayList<>(constructSequence(sequence));
        }
        return new LinkedHashMap<>(constructMapping((MappingNode) node));
    }

    private static Map<String, Object> singleEntry(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }
}
