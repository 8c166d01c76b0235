package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import no.dialog.aws.handler.DialogRequestHandler;

/** Lambda entry point of {@code POST /webhooks/vipps/{tenant}} ({@link VippsWebhooks}). */
public class VippsWebhookHandler extends DialogRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Inject
    VippsWebhooks webhooks;

    /** Used by Lambda: builds the application context at init. */
    public VippsWebhookHandler() {
        super();
    }

    /** Used by tests and the local stack: runs on a context built elsewhere. */
    public VippsWebhookHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    protected String function() {
        return "vipps-webhook";
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return webhooks.handle(event);
    }
}
