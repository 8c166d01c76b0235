package no.dialog.adminapi;

import static no.dialog.adminapi.ApiEvents.as;
import static no.dialog.adminapi.ApiEvents.load;
import static no.dialog.adminapi.ApiEvents.request;
import static no.dialog.adminapi.ApiEvents.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.dialog.core.template.LandingLinks;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.time.OsloTime;
import no.dialog.emulators.Emulators;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The template routes through the real admin API function, against DynamoDB Local. */
class TemplatesApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:30:00Z"), OsloTime.ZONE);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static ApplicationContext context;
    private static AdminApiFunction function;

    @BeforeAll
    static void start() {
        Emulators emulators = SharedEmulators.get();
        Map<String, Object> env = AdminApiEnvironment.tables(emulators);
        context = AdminApiEnvironment.start(env, emulators, CLOCK);
        function = new ContractCheckedFunction(context);
        context.getBean(TenantDirectory.class).createIfAbsent(
                new Tenant(TenantId.of("demo"), "Naturvernforbundet", CLOCK.instant()));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
        return function.handleRequest(request, null);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) throws Exception {
        return MAPPER.readTree(response.getBody());
    }

    private static String sms(String id, String body) throws Exception {
        return MAPPER.createObjectNode().put("id", id).put("channel", "sms").put("body", body).toString();
    }

    @Test
    void aTemplateIsCreatedListedReadReplacedAndDeleted() throws Exception {
        APIGatewayV2HTTPResponse created = call(load("create-template.json"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Location", "/admin/v1/templates/student-ask");
        assertThat(json(created).get("language").asText()).isEqualTo("nb");
        assertThat(json(created).get("subject").isNull()).isTrue();

        assertThat(json(call(request("GET", "/admin/v1/templates", null))).get("templates").findValuesAsText("id"))
                .contains("student-ask");
        APIGatewayV2HTTPResponse read = call(request("GET", "/admin/v1/templates/student-ask", null));
        assertThat(read.getStatusCode()).isEqualTo(200);
        assertThat(json(read).get("body").asText()).startsWith("Hei {{ firstName }}! Eksamensdatoen");

        APIGatewayV2HTTPResponse replaced = call(request("PUT", "/admin/v1/templates/student-ask",
                "{\"channel\":\"sms\",\"body\":\"Hei {{ firstName }}, svar her: {{ link }}\"}"));
        assertThat(replaced.getStatusCode()).as(replaced.getBody()).isEqualTo(200);
        assertThat(json(call(request("GET", "/admin/v1/templates/student-ask", null))).get("body").asText())
                .isEqualTo("Hei {{ firstName }}, svar her: {{ link }}");

        assertThat(call(request("DELETE", "/admin/v1/templates/student-ask", null)).getStatusCode()).isEqualTo(204);
        assertThat(call(request("GET", "/admin/v1/templates/student-ask", null)).getStatusCode()).isEqualTo(404);
        assertThat(call(request("DELETE", "/admin/v1/templates/student-ask", null)).getStatusCode()).isEqualTo(404);
        assertThat(call(request("PUT", "/admin/v1/templates/student-ask", sms(null, "Tilbake?"))).getStatusCode())
                .as("replace does not bring a deleted template back").isEqualTo(404);
    }

    @Test
    void anIdCannotBeTakenTwiceAndAPutMustNotRenameIt() throws Exception {
        assertThat(call(request("POST", "/admin/v1/templates", sms("once", "Første"))).getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPResponse again = call(request("POST", "/admin/v1/templates", sms("once", "Andre")));
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asText()).isEqualTo("a template with id once already exists");
        assertThat(json(call(request("GET", "/admin/v1/templates/once", null))).get("body").asText()).isEqualTo("Første");

        APIGatewayV2HTTPResponse renamed = call(request("PUT", "/admin/v1/templates/once", sms("twice", "Andre")));
        assertThat(renamed.getStatusCode()).isEqualTo(400);
        assertThat(json(renamed).get("errors").findValuesAsText("path")).containsExactly("id");
    }

    @Test
    void anInvalidTemplateIsRefusedNamingEveryBadKey() throws Exception {
        APIGatewayV2HTTPResponse response = call(request("POST", "/admin/v1/templates",
                "{\"id\":\"bad\",\"channel\":\"sms\",\"subject\":\"Hei\",\"body\":\"Hei {{ shoeSize }}\",\"owner\":\"me\"}"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("title").asText()).isEqualTo("invalid template");
        assertThat(body.get("errors").findValuesAsText("path")).containsExactlyInAnyOrder("owner", "subject", "body");
        assertThat(body.get("errors").toString()).contains("shoeSize");
        assertThat(call(request("GET", "/admin/v1/templates/bad", null)).getStatusCode()).isEqualTo(404);

        APIGatewayV2HTTPResponse unclosed = call(request("POST", "/admin/v1/templates", sms("unclosed", "Hei {{ firstName")));
        assertThat(unclosed.getStatusCode()).isEqualTo(400);
        assertThat(json(unclosed).get("errors").get(0).get("path").asText()).isEqualTo("body");
        assertThat(json(unclosed).get("errors").get(0).get("message").asText()).startsWith("does not compile");
    }

    @Test
    void aStoredSmsPreviewsForTheSamplePersonWithThePlaceholderLinkAndItsParts() throws Exception {
        call(request("POST", "/admin/v1/templates", sms("ask-preview",
                "Hei {{ firstName }}! Er du fortsatt student? Svar her: {{ link }} Hilsen {{ organisation }}")));

        APIGatewayV2HTTPResponse response = call(as(request("GET", "/admin/v1/templates/ask-preview/preview", null),
                "demo", "[viewer]"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        String text = body.get("text").asText();
        assertThat(text).startsWith("Hei Kari! Er du fortsatt student? Svar her: ").endsWith(" Hilsen Naturvernforbundet");
        String link = text.substring("Hei Kari! Er du fortsatt student? Svar her: ".length(),
                text.length() - " Hilsen Naturvernforbundet".length());
        assertThat(link).isEqualTo(LandingLinks.PLACEHOLDER);
        assertThat(body.get("channel").asText()).isEqualTo("sms");
        assertThat(body.has("html")).isFalse();
        // Every character is in GSM-7's basic table: one unit each; 160 or fewer fit in one part.
        assertThat(body.get("smsParts").get("encoding").asText()).isEqualTo("GSM7");
        assertThat(body.get("smsParts").get("units").asInt()).isEqualTo(text.length());
        assertThat(body.get("smsParts").get("parts").asInt()).isEqualTo(text.length() <= 160 ? 1 : 2);
    }

    @Test
    void anUnsavedTextOutsideGsm7IsCountedAsUcs2AndNotStored() throws Exception {
        // 40 × "Takk 🌲 " is 40 × 8 UTF-16 units (the tree takes two) = 320, stripped to 319: five 67-unit parts.
        String body = "Takk 🌲 ".repeat(40);
        APIGatewayV2HTTPResponse response = call(as(request("POST", "/admin/v1/templates/preview",
                MAPPER.createObjectNode().put("channel", "sms").put("body", body).toString()), "demo", "[viewer]"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode parts = json(response).get("smsParts");
        assertThat(parts.get("encoding").asText()).isEqualTo("UCS2");
        assertThat(parts.get("units").asInt()).isEqualTo(319);
        assertThat(parts.get("parts").asInt()).isEqualTo(5);
        assertThat(json(response).get("templateId").asText()).isEqualTo("preview");
        assertThat(call(request("GET", "/admin/v1/templates/preview", null)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void anEmailPreviewHasSubjectHtmlWithEscapedValuesAndTextButNoSmsParts() throws Exception {
        APIGatewayV2HTTPResponse response = call(withQuery(load("preview-template.json"), "journeyName", "Takk & velkommen"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("channel").asText()).isEqualTo("email");
        assertThat(body.get("subject").asText()).isEqualTo("Takk for gaven, Kari!");
        assertThat(body.get("html").asText()).startsWith("<p>Hei Kari,</p>").contains("til Naturvernforbundet");
        assertThat(body.get("text").asText()).startsWith("Hei Kari").doesNotContain("<p>");
        assertThat(body.has("smsParts")).isFalse();

        APIGatewayV2HTTPResponse named = call(withQuery(request("POST", "/admin/v1/templates/preview",
                "{\"channel\":\"email\",\"subject\":\"{{ journeyName }}\",\"body\":\"<p>{{ journeyName }}</p>\"}"),
                "journeyName", "Takk & velkommen"));
        assertThat(named.getStatusCode()).as(named.getBody()).isEqualTo(200);
        JsonNode shown = json(named);
        assertThat(shown.get("subject").asText()).isEqualTo("Takk & velkommen");
        assertThat(shown.get("html").asText()).isEqualTo("<p>Takk &amp; velkommen</p>");
    }

    @Test
    void anInvalidUnsavedTemplateIsA400AndAMissingOneA404() throws Exception {
        APIGatewayV2HTTPResponse invalid = call(request("POST", "/admin/v1/templates/preview",
                "{\"channel\":\"email\",\"body\":\"<p>Hei</p>\"}"));
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").findValuesAsText("path")).containsExactly("subject");

        assertThat(call(request("GET", "/admin/v1/templates/never-made/preview", null)).getStatusCode()).isEqualTo(404);
        assertThat(call(request("GET", "/admin/v1/templates/Not_Valid/preview", null)).getStatusCode()).isEqualTo(404);
    }

    @Test
    void aViewerReadsAndPreviewsButCannotChangeTemplates() throws Exception {
        call(request("POST", "/admin/v1/templates", sms("viewer-sees", "Hei {{ firstName }}")));

        APIGatewayV2HTTPResponse create = call(as(request("POST", "/admin/v1/templates", sms("viewer-made", "Nei")), "demo", "[viewer]"));
        APIGatewayV2HTTPResponse replace = call(as(request("PUT", "/admin/v1/templates/viewer-sees", sms(null, "Nei")), "demo", "[viewer]"));
        APIGatewayV2HTTPResponse delete = call(as(request("DELETE", "/admin/v1/templates/viewer-sees", null), "demo", "[viewer]"));

        assertThat(List.of(create.getStatusCode(), replace.getStatusCode(), delete.getStatusCode())).containsOnly(403);
        assertThat(json(create).get("detail").asText()).isEqualTo("changing templates needs the editor or admin role");
        assertThat(call(as(request("GET", "/admin/v1/templates/viewer-sees", null), "demo", "[viewer]")).getStatusCode())
                .isEqualTo(200);
        assertThat(json(call(request("GET", "/admin/v1/templates/viewer-sees", null))).get("body").asText())
                .isEqualTo("Hei {{ firstName }}");
        assertThat(call(request("GET", "/admin/v1/templates/viewer-made", null)).getStatusCode()).isEqualTo(404);
        assertThat(call(as(request("GET", "/admin/v1/templates", null), "demo", "[fundraiser-export]")).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherTenantsTemplateLooksExactlyLikeAMissingOne() throws Exception {
        call(request("POST", "/admin/v1/templates", sms("demo-private", "Hei {{ firstName }}")));

        APIGatewayV2HTTPResponse read = call(as(request("GET", "/admin/v1/templates/demo-private", null), "other", "[editor]"));
        APIGatewayV2HTTPResponse missing = call(as(request("GET", "/admin/v1/templates/never-made", null), "other", "[editor]"));
        assertThat(read.getStatusCode()).isEqualTo(404);
        assertThat(read.getBody()).isEqualTo(missing.getBody());
        assertThat(call(as(request("PUT", "/admin/v1/templates/demo-private", sms(null, "Mine")), "other", "[editor]"))
                .getStatusCode()).isEqualTo(404);
        assertThat(call(as(request("DELETE", "/admin/v1/templates/demo-private", null), "other", "[editor]"))
                .getStatusCode()).isEqualTo(404);
        assertThat(call(as(request("GET", "/admin/v1/templates/demo-private/preview", null), "other", "[editor]"))
                .getStatusCode()).isEqualTo(404);
        assertThat(json(call(as(request("GET", "/admin/v1/templates", null), "other", "[editor]"))).get("templates")
                .findValuesAsText("id")).doesNotContain("demo-private");
        assertThat(json(call(request("GET", "/admin/v1/templates/demo-private", null))).get("body").asText())
                .isEqualTo("Hei {{ firstName }}");
    }

    @Test
    void anOrganisationNotInTheDirectoryIsNamedByItsId() throws Exception {
        APIGatewayV2HTTPResponse response = call(as(request("POST", "/admin/v1/templates/preview",
                sms(null, "Hilsen {{ organisation }}")), "newcomer", "[viewer]"));

        assertThat(json(response).get("text").asText()).isEqualTo("Hilsen newcomer");
    }
}
