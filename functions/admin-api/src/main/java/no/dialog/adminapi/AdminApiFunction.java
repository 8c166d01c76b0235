package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import no.dialog.aws.logging.LogContext;

/**
 * Lambda entry point of the admin API: Micronaut controllers behind API Gateway's HTTP API
 * (payload format 2.0). Staff requests arrive with a JWT already verified by the API's authorizer;
 * the controllers read the {@code tenant} and {@code roles} claims from the request context.
 */
public class AdminApiFunction extends APIGatewayV2HTTPEventFunction {

    /** Used by Lambda. */
    public AdminApiFunction() {
        super();
    }

    /** Used by tests and the local stack. */
    public AdminApiFunction(ApplicationContext context) {
        super(context);
    }

    /** The log context of the request (see {@link LogContext}), then the controllers. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        LogContext.begin("admin-api", context, LogContext.correlationId(request));
        return super.handleRequest(request, context);
    }
}
