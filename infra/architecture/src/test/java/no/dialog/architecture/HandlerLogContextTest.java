package no.dialog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Every Lambda handler of Dialog sets the invocation's log context (function, request id, correlation id,
 * cold start) before its work, in one place: {@code no.dialog.aws.handler.DialogRequestHandler}, whose
 * {@code execute} is final (tested in functions/aws {@code DialogRequestHandlerTest}); an HTTP function behind
 * Micronaut's API Gateway adapter (the admin API) sets it in its own {@code handleRequest}.
 */
@AnalyzeClasses(packages = "no.dialog", importOptions = ImportOption.DoNotIncludeTests.class)
class HandlerLogContextTest {

    @ArchTest
    static final ArchRule every_request_handler_extends_DialogRequestHandler = classes()
            .that().areAssignableTo(MicronautRequestHandler.class)
            .and().resideInAPackage("no.dialog..")
            .and().doNotHaveFullyQualifiedName("no.dialog.aws.handler.DialogRequestHandler")
            .should().beAssignableTo("no.dialog.aws.handler.DialogRequestHandler")
            .because("DialogRequestHandler sets the log context of each invocation before the handler's work");

    @ArchTest
    static final ArchRule every_api_gateway_function_sets_the_log_context = classes()
            .that().areAssignableTo(APIGatewayV2HTTPEventFunction.class)
            .and().resideInAPackage("no.dialog..")
            .should(new ArchCondition<JavaClass>("declare handleRequest, which begins the LogContext") {
                @Override
                public void check(JavaClass handler, ConditionEvents events) {
                    boolean begins = handler.getMethods().stream()
                            .filter(method -> method.getName().equals("handleRequest"))
                            .anyMatch(method -> method.getMethodCallsFromSelf().stream().anyMatch(call ->
                                    call.getTargetOwner().getFullName().equals("no.dialog.aws.logging.LogContext")
                                            && call.getName().equals("begin")));
                    if (!begins) {
                        events.add(SimpleConditionEvent.violated(handler, handler.getName()
                                + " does not call LogContext.begin in its handleRequest"));
                    }
                }
            });
}
