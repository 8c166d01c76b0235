package no.dialog.adminapi;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/** {@code GET /health}: the API answers. Deliberately touches no table, so it is cheap to poll. */
@Controller("/health")
public class HealthController {

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return "{\"status\":\"ok\"}";
    }
}
