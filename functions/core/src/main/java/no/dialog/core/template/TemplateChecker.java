package no.dialog.core.template;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.node.expression.ContainsExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.EqualsExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanExpression;
import io.pebbletemplates.pebble.node.expression.LessThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.LessThanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.NegativeTestExpression;
import io.pebbletemplates.pebble.node.expression.NotEqualsExpression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.PositiveTestExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs on every compiled template before it can be used. It allows only a small, safe part of Pebble:
 * text, {@code {{ expression }}} and {@code {% if %}}; expressions over the known merge fields, literals,
 * comparisons, and/or/not, ~, allowed filters and tests, and {@code attributes.name}. Nothing in it can reach a Java
 * method, another template or a function. What it refuses it names (with the line), and compilation
 * fails with all of them at once.
 *
 * <p>While checking it adapts the tree: conditions get {@link Truthiness} so {@code {% if link %}} works,
 * and every {@code {{ }}} output is wrapped in the channel escape filter, so the escaping is applied
 * after the staff's own filters and cannot be switched off from inside a template.
 */
final class TemplateChecker extends AbstractNodeVisitor {

    /**
     * Pebble's own filters that transform text and accept any value (number filters are left out: the
     * amounts are formatted text, and a filter that fails on a person's value would fail that send).
     */
    static final Set<String> FILTERS = Set.of(
            "abbreviate", "capitalize", "default", "lower", "upper", "title", "trim", "length", "urlencode");

    static final Set<String> TESTS = Set.of("empty", "null");

    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<String> fieldsUsed = new LinkedHashSet<>();

    TemplateChecker(PebbleTemplateImpl template) {
        super(template);
    }

    /** Thrown out of compilation when the template uses anything it must not. */
    static final class Refused extends RuntimeException {
        private final List<String> reasons;

        Refused(Set<String> reasons) {
            super("template refused: " + reasons.size() + " problem(s)", null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        List<String> reasons() {
            return reasons;
        }
    }

    @Override
    public void visit(RootNode root) {
        body(root.getBody());
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Set<String> sink = FIELDS_USED.get();
        if (sink != null) {
            sink.addAll(fieldsUsed);
        }
    }

    /**
     * Where the compiler on this thread wants the merge fields of the template being compiled: Pebble
     * runs visitors inside compilation and gives them no way to hand back a result.
     */
    static final ThreadLocal<Set<String>> FIELDS_USED = new ThreadLocal<>();

    private void body(BodyNode body) {
        if (body == null) {
            return;
        }
        for (RenderableNode child : body.getChildren()) {
            if (child instanceof TextNode) {
                continue;
            }
            if (child instanceof PrintNode) {
                PrintNode print = (PrintNode) child;
                expression(print.getExpression());
                print.setExpression(ChannelEscapeFilter.wrap(print.getExpression()));
            } else if (child instanceof IfNode) {
                IfNode ifNode = (IfNode) child;
                List<Pair<Expression<?>, BodyNode>> branches = ifNode.getConditionsWithBodies();
                for (int i = 0; i < branches.size(); i++) {
                    Pair<Expression<?>, BodyNode> branch = branches.get(i);
                    expression(branch.getLeft());
                    body(branch.getRight());
                    branches.set(i, new Pair<>(Truthiness.condition(branch.getLeft()), branch.getRight()));
                }
                body(ifNode.getElseBody());
            } else if (child instanceof BodyNode) {
                body((BodyNode) child);
            } else {
                problems.add("only {% if %} / {% elseif %} / {% else %} tags are allowed" + line(child));
            }
        }
    }

    private void expression(Expression<?> e) {
        if (e == null || isLiteral(e)) {
            return;
        }
        if (e instanceof ContextVariableExpression) {
            String name = ((ContextVariableExpression) e).getName();
            if (MergeFields.NAMES.contains(name)) {
                fieldsUsed.add(name);
            } else {
                problems.add("unknown merge field '" + name + "'" + line(e));
            }
        } else if (e instanceof GetAttributeExpression) {
            attribute((GetAttributeExpression) e);
        } else if (e instanceof FilterExpression) {
            FilterExpression filter = (FilterExpression) e;
            expression(filter.getLeftExpression());
            FilterInvocationExpression invocation = (FilterInvocationExpression) filter.getRightExpression();
            if (!FILTERS.contains(invocation.getFilterName())) {
                problems.add("filter '" + invocation.getFilterName() + "' is not available" + line(e));
            }
            arguments(invocation.getArgs());
        } else if (e instanceof PositiveTestExpression || e instanceof NegativeTestExpression) {
            BinaryExpression<?> test = (BinaryExpression<?>) e;
            expression(test.getLeftExpression());
            TestInvocationExpression invocation = (TestInvocationExpression) test.getRightExpression();
            if (!TESTS.contains(invocation.getTestName())) {
                problems.add("test '" + invocation.getTestName() + "' is not available" + line(e));
            }
            arguments(invocation.getArgs());
        } else if (isOperator(e)) {
            BinaryExpression<?> binary = (BinaryExpression<?>) e;
            expression(binary.getLeftExpression());
            expression(binary.getRightExpression());
        } else if (e instanceof UnaryNotExpression) {
            expression(((io.pebbletemplates.pebble.node.expression.UnaryExpression) e).getChildExpression());
        } else {
            // Ternaries (Pebble cannot make their condition truthy: use {% if %}), arithmetic, functions, macros, lists, maps, ranges, blocks: none are needed in a message text.
            problems.add("this kind of expression is not allowed (only merge fields, text, numbers, "
                    + "comparisons, ~, filters and tests)" + line(e));
        }
    }

    // Only attributes.name or attributes["name"]: properties or methods of anything else would reach Java.
    private void attribute(GetAttributeExpression e) {
        boolean onAttributes = e.getNode() instanceof ContextVariableExpression
                && MergeFields.ATTRIBUTES.equals(((ContextVariableExpression) e.getNode()).getName());
        if (e.getArgumentsNode() != null) {
            problems.add("methods cannot be called" + line(e));
        } else if (!onAttributes) {
            problems.add("'.' and '[ ]' can only be used on attributes (attributes.name)" + line(e));
        } else if (!(e.getAttributeNameExpression() instanceof LiteralStringExpression)) {
            problems.add("an attribute name must be written out (attributes.name)" + line(e));
        } else {
            fieldsUsed.add(MergeFields.ATTRIBUTES);
        }
    }

    private void arguments(ArgumentsNode args) {
        if (args == null) {
            return;
        }
        if (args.getPositionalArgs() != null) {
            for (PositionalArgumentNode arg : args.getPositionalArgs()) {
                expression(arg.getValueExpression());
            }
        }
        if (args.getNamedArgs() != null) {
            for (NamedArgumentNode arg : args.getNamedArgs()) {
                expression(arg.getValueExpression());
            }
        }
    }

    private static boolean isLiteral(Expression<?> e) {
        return e instanceof LiteralStringExpression || e instanceof LiteralIntegerExpression
                || e instanceof LiteralLongExpression || e instanceof LiteralDoubleExpression
                || e instanceof LiteralBigDecimalExpression || e instanceof LiteralBooleanExpression
                || e instanceof LiteralNullExpression;
    }

    private static boolean isOperator(Expression<?> e) {
        return e instanceof AndExpression || e instanceof OrExpression || e instanceof EqualsExpression
                || e instanceof NotEqualsExpression || e instanceof GreaterThanExpression
                || e instanceof GreaterThanEqualsExpression || e instanceof LessThanExpression
                || e instanceof LessThanEqualsExpression || e instanceof ConcatenateExpression
                || e instanceof ContainsExpression;
    }

    private static String line(Object node) {
        int line = -1;
        if (node instanceof Expression) {
            line = ((Expression<?>) node).getLineNumber();
        } else if (node instanceof io.pebbletemplates.pebble.node.AbstractRenderableNode) {
            line = ((io.pebbletemplates.pebble.node.AbstractRenderableNode) node).getLineNumber();
        }
        return line > 0 ? " (line " + line + ")" : "";
    }
}
