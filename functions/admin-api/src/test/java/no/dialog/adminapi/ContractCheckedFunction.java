package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Set;

/**
 * The admin API function as the handler tests call it: every answer is checked against docs/openapi.yaml
 * ({@link OpenApiContract}) before the test sees it, so an undocumented route, status or field fails the
 * test that provoked it, whatever that test asserts itself. And every write leaves exactly one audit row naming
 * it ({@link AuditRowCheck}): the "every staff write in the admin API tests leaves an audit row", held
 * by every handler test.
 */
final class ContractCheckedFunction extends AdminApiFunction {

    private final AuditRowCheck audit;

    ContractCheckedFunction(ApplicationContext context) {
        super(context);
        audit = new AuditRowCheck(context);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context lambda) {
        Set<String> rowsBefore = audit.rows();
        APIGatewayV2HTTPResponse response = super.handleRequest(request, lambda);
        String method = request.getRequestContext().getHttp().getMethod();
        List<String> problems = OpenApiContract.get().check(method, request.getRawPath(), response);
        if (!problems.isEmpty()) {
            throw new AssertionError("the answer breaks docs/openapi.yaml:\n  " + String.join("\n  ", problems)
                    + "\nbody: " + response.getBody());
        }
        List<String> unaudited = audit.check(rowsBefore, request, response);
        if (!unaudited.isEmpty()) {
            throw new AssertionError("the audit log does not hold the request as it must:\n  "
                    + String.join("\n  ", unaudited));
        }
        return response;
    }
}
