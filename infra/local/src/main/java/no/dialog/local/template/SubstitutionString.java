package no.dialog.local.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The string of an {@code Fn::Sub}, split into literal text and {@code ${Variable}} parts.
 * {@code ${!Literal}} is CloudFormation's escape and stands for the text {@code ${Literal}}.
 *
 * @param parts the parts in order
 */
public record SubstitutionString(List<Part> parts) {

    /** A piece of an {@code Fn::Sub} string. */
    public sealed interface Part permits Literal, Variable {
    }

    /** Text copied as is. */
    public record Literal(String text) implements Part {
    }

    /**
     * A {@code ${name}}: a parameter, pseudo parameter, resource ({@code Ref}), {@code Resource.Attribute}
     * ({@code Fn::GetAtt}) or a key of the {@code Fn::Sub} variable map.
     */
    public record Variable(String name) implements Part {
    }

    public static SubstitutionString parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int index = 0;
        while (index < text.length()) {
            int start = text.indexOf("${", index);
            int end = start < 0 ? -1 : text.indexOf('}', start + 2);
            if (start < 0 || end < 0) {
                // No (complete) variable left: CloudFormation keeps the rest as it is.
                literal.append(text, index, text.length());
                break;
            }
            literal.append(text, index, start);
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                literal.append("${").append(name.substring(1)).append('}');
            } else {
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Variable(name.trim()));
            }
            index = end + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new SubstitutionString(List.copyOf(parts));
    }

    /** The variable names, in order of appearance. */
    public List<String> variables() {
        return parts.stream().filter(Variable.class::isInstance).map(p -> ((Variable) p).name()).toList();
    }
}
