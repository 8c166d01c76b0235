package no.dialog.core.template;

import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.util.Collection;
import java.util.Map;

/**
 * Lets staff write {@code {% if link %}} and {@code {% if firstName and amount %}}: Pebble in strict
 * mode accepts only true/false there and fails on text or null. A condition's value counts as false
 * when it is null, false, empty (or blank) text, zero, or an empty collection, and as true otherwise.
 */
final class Truthiness implements Expression<Boolean> {

    private final Expression<?> inner;

    private Truthiness(Expression<?> inner) {
        this.inner = inner;
    }

    /** Makes a condition tree boolean: and/or/not get truthy operands, everything else is wrapped. */
    static Expression<?> condition(Expression<?> e) {
        if (e instanceof AndExpression || e instanceof OrExpression) {
            io.pebbletemplates.pebble.node.expression.BinaryExpression<?> binary =
                    (io.pebbletemplates.pebble.node.expression.BinaryExpression<?>) e;
            binary.setLeft(condition(binary.getLeftExpression()));
            binary.setRight(condition(binary.getRightExpression()));
            return e;
        }
        if (e instanceof UnaryNotExpression) {
            UnaryNotExpression not = (UnaryNotExpression) e;
            not.setChildExpression(condition(not.getChildExpression()));
            return e;
        }
        return new Truthiness(e);
    }

    static boolean isTrue(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof CharSequence) {
            return !value.toString().isBlank();
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue() != 0;
        }
        if (value instanceof Collection) {
            return !((Collection<?>) value).isEmpty();
        }
        if (value instanceof Map) {
            return !((Map<?, ?>) value).isEmpty();
        }
        return true;
    }

    @Override
    public Boolean evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
        return isTrue(inner.evaluate(self, context));
    }

    @Override
    public int getLineNumber() {
        return inner.getLineNumber();
    }

    @Override
    public void accept(NodeVisitor visitor) {
        visitor.visit((Node) this);
    }
}
