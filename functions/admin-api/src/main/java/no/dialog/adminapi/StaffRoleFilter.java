package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.servlet.http.ServletExchange;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;

/**
 * The route-level role check: for a controller method marked {@link StaffOnly}, the caller's token must
 * carry the role before the method runs; the verified caller is then kept on the request for
 * {@link StaffIdentityBinder}. Methods without the annotation pass untouched (they call
 * {@link StaffAccess} themselves until they are converted; /health needs no token).
 */
@ServerFilter("/admin/**")
public class StaffRoleFilter {

    static final String CALLER = StaffRoleFilter.class.getName() + ".caller";

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        if (route.isEmpty()) {
            return null;
        }
        AnnotationValue<StaffOnly> rule = route.get().getAnnotationMetadata().getAnnotation(StaffOnly.class);
        if (rule == null) {
            return null;
        }
        StaffOnly.Access access = rule.enumValue("value", StaffOnly.Access.class)
                .orElseThrow(() -> new IllegalStateException("@StaffOnly without an access on " + route.get()));
        String what = rule.stringValue("what").orElse("this");
        APIGatewayV2HTTPEvent event = event(request);
        StaffAccess.Outcome outcome = switch (access) {
            case READ -> StaffAccess.toRead(event, what);
            case WRITE -> StaffAccess.toWrite(event, what);
            case ADMINISTER -> StaffAccess.toAdminister(event, what);
        };
        if (outcome.refused()) {
            return outcome.refusal();
        }
        request.setAttribute(CALLER, outcome.staff());
        return null;
    }

    /** The API Gateway event behind the request (null when there is none: then no claims either). */
    private static APIGatewayV2HTTPEvent event(HttpRequest<?> request) {
        if (request instanceof ServletExchange<?, ?> exchange
                && exchange.getRequest().getNativeRequest() instanceof APIGatewayV2HTTPEvent event) {
            return event;
        }
        return null;
    }
}
