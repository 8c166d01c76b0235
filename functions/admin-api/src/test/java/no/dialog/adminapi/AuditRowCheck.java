package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * "Every staff write leaves an audit row", checked on every request a handler test makes: the audit table is read
 * whole (straight from DynamoDB Local, not through the log's own reader) before and after the call, and a write
 * (POST, PUT, PATCH, DELETE under /admin or /platform) or an audited read must have added exactly one row naming
 * its method, the route's documented template and the status answered; any other request none.
 */
final class AuditRowCheck {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final DynamoDbClient dynamoDb;
    private final String table;

    AuditRowCheck(ApplicationContext context) {
        this.table = context.getProperty("audit.table", String.class)
                .orElseThrow(() -> new AssertionError("the admin API's environment has no AUDIT_TABLE"));
        this.dynamoDb = context.getBean(DynamoDbClient.class);
    }

    /** The keys of every row now. */
    Set<String> rows() {
        Set<String> keys = new HashSet<>();
        dynamoDb.scanPaginator(b -> b.tableName(table)).items()
                .forEach(item -> keys.add(item.get("pk").s() + "|" + item.get("sk").s()));
        return keys;
    }

    /** The problems with what {@code request} left in the audit table; empty when it is as it must be. */
    List<String> check(Set<String> before, APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
        String method = request.getRequestContext().getHttp().getMethod();
        String path = request.getRawPath();
        String route = OpenApiContract.get().documentedPath(method, path);
        boolean audited = (path.startsWith("/admin/") || path.startsWith("/platform/"))
                && (WRITES.contains(method) || AuditFilter.AUDITED_READS.contains(route));
        List<Map<String, AttributeValue>> added = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
            if (!before.contains(item.get("pk").s() + "|" + item.get("sk").s())) {
                added.add(item);
            }
        });
        String what = method + " " + path + " -> " + response.getStatusCode();
        if (!audited) {
            return added.isEmpty() ? List.of() : List.of(what + " is not audited, but left " + added.size() + " audit rows");
        }
        if (added.size() != 1) {
            return List.of(what + " left " + added.size() + " audit rows instead of one");
        }
        Map<String, AttributeValue> row = added.getFirst();
        List<String> problems = new ArrayList<>();
        expect(problems, what, "method", method, row.get("method").s());
        expect(problems, what, "route", route, row.get("route").s());
        expect(problems, what, "status", String.valueOf(response.getStatusCode()), row.get("status").n());
        return problems;
    }

    private static void expect(List<String> problems, String what, String field, String wanted, String found) {
        if (!wanted.equals(found)) {
            problems.add(what + ": the audit row's " + field + " is " + found + ", not " + wanted);
        }
    }
}
