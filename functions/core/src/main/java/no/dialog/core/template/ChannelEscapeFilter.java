package no.dialog.core.template;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * Escapes every {@code {{ }}} output for the channel being rendered. One compiled template serves all
 * channels: the escaping is read from the render's context, under a name no template can write.
 */
final class ChannelEscapeFilter implements Filter {

    /** Not a valid Pebble identifier, so staff can neither call the filter nor read the variable. */
    static final String NAME = "@escape";
    static final String ESCAPING_VARIABLE = "@escaping";

    enum Escaping { NONE, HTML }

    static Expression<?> wrap(Expression<?> expression) {
        FilterExpression filtered = new FilterExpression();
        filtered.setLeft(expression);
        filtered.setRight(new FilterInvocationExpression(NAME,
                new ArgumentsNode(List.of(), List.of(), expression.getLineNumber()), expression.getLineNumber()));
        filtered.setLineNumber(expression.getLineNumber());
        return filtered;
    }

    @Override
    public List<String> getArgumentNames() {
        return null;
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int lineNumber) {
        if (input == null) {
            return null;
        }
        Object escaping = context.getVariable(ESCAPING_VARIABLE);
        if (escaping == Escaping.NONE) {
            return input;
        }
        if (escaping == Escaping.HTML) {
            return HtmlText.escape(input.toString());
        }
        // A render without an escaping is a bug in this package; refusing beats sending unescaped HTML.
        throw new IllegalStateException("no channel escaping set for this render");
    }
}
