package no.dialog.adminapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import no.dialog.core.segment.SegmentFields;

/**
 * {@code GET /admin/v1/segment-fields}: what a segment can ask about, so the admin UI offers only
 * fields, operators and values the API will accept.
 */
@Controller("/admin/v1/segment-fields")
public class SegmentFieldsController {

    @Get
    public HttpResponse<String> list(APIGatewayV2HTTPEvent request) {
        StaffAccess.Outcome access = StaffAccess.toRead(request, "segment fields");
        if (access.refused()) {
            return access.refusal();
        }
        return SegmentViews.json(HttpStatus.OK, SegmentViews.fields(SegmentFields.describeAll()));
    }
}
