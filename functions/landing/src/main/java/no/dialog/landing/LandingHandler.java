package no.dialog.landing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/**
 * Lambda entry point of the landing function ({@code GET|POST /p/{token}} on the HTTP API). A plain
 * request handler rather than Micronaut's HTTP layer: two routes do not need a router, and the page
 * answers in a few milliseconds.
 */
public class LandingHandler extends DialogRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Inject
    LandingRequests requests;

    /** Used by Lambda: builds the application context at init. */
    public LandingHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public LandingHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "landing";
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return requests.handle(event);
    }
}
