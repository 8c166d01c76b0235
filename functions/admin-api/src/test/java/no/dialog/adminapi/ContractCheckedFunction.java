package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;

/**
 * The admin API function as the handler tests call it: every answer is checked against docs/openapi.yaml
 * ({@link OpenApiContract}) before the test sees it, so an undocumented route, status or field fails the
 * test that provoked it, whatever that test asserts itself.
 */
final class ContractCheckedFunction extends AdminApiFunction {

    ContractCheckedFunction(ApplicationContext context) {
        super(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context lambda) {
        APIGatewayV2HTTPResponse response = super.handleRequest(request, lambda);
        String method = request.getRequestContext().getHttp().getMethod();
        List<String> problems = OpenApiContract.get().check(method, request.getRawPath(), response);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer breaks docs/openapi.yaml:\n  " + String.join("\n  ", problems)
                    + "\nbody: " + response.getBody());
        }
        return response;
    }
}
