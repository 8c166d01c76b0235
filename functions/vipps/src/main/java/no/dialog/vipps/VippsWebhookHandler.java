package no.dialog.vipps;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import no.dialog.core.observability.LogKeys;
import org.slf4j.MDC;

/** Lambda entry point of {@code POST /webhooks/vipps/{tenant}} ({@link VippsWebhooks}). */
public class VippsWebhookHandler extends MicronautRequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

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
    public APIGatewayV2HTTPResponse execute(APIGatewayV2HTTPEvent event) {
        MDC.put(LogKeys.FUNCTION, "vipps-webhook");
        return webhooks.handle(event);
    }
}
