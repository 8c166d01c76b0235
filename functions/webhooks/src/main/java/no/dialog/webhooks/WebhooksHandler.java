package no.dialog.webhooks;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;
import no.dialog.aws.logging.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the webhooks function. It has two triggers: HTTP API routes (provider webhooks,
 * unsubscribe links; {@link WebhookRoutes}) and the SES events queue ({@link SesEvents}). Lambda hands an
 * {@code Object} handler the event as a map; {@link LambdaEvents} tells the two apart and reads it.
 */
public class WebhooksHandler extends DialogRequestHandler<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhooksHandler.class);

    @Inject
    WebhookRoutes routes;

    @Inject
    SesEvents sesEvents;

    /** Used by Lambda: builds the application context at init. */
    public WebhooksHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public WebhooksHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "webhooks";
    }

    @Override
    protected Object handle(Object input) {
        Object event = LambdaEvents.read(input);
        if (event instanceof SQSEvent sqs) {
            return sesEvents.process(sqs);
        }
        APIGatewayV2HTTPEvent request = (APIGatewayV2HTTPEvent) event;
        LogContext.correlate(LogContext.correlationId(request));
        return http(request);
    }

    private APIGatewayV2HTTPResponse http(APIGatewayV2HTTPEvent event) {
        try {
            return routes.handle(WebhookRequest.from(event)).toResponse();
        } catch (IllegalArgumentException e) {
            // A body API Gateway marked base64 but is not: the request is malformed, not our failure.
            return WebhookReply.error(400, "the body could not be read").toResponse();
        } catch (RuntimeException e) {
            LOG.error("webhook failed; the provider will retry", e);
            return WebhookReply.error(500, "internal error; please retry").toResponse();
        }
    }
}
