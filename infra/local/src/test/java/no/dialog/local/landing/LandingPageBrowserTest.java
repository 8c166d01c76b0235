package no.dialog.local.landing;

import static no.dialog.local.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.aws.dynamodb.DynamoDbContactStore;
import no.dialog.aws.dynamodb.DynamoDbEnrolmentStore;
import no.dialog.aws.dynamodb.DynamoDbTenantDirectory;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.enrolment.EnrolmentStore;
import no.dialog.core.journey.ResultCounter;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.clock.Daytime;
import no.dialog.local.sandbox.OutboxMessage;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The landing page in a real browser (Debian's headless Chromium through chromedriver) on the local
 * stack: the "Are you still a student?" journey from docs/examples sends its SMS, the personal link is
 * taken from the SMS in the LINK sandbox's outbox, opened at phone width, answered wrongly (errors
 * tied to the fields), then rightly; and the answer is checked where it lands: the contact replica, the
 * journey (goal reached through the {@code answered} response) and the write-back events on the bus.
 * A screenshot of the page is kept as {@code target/landing-phone.png}.
 *
 * <p>Skipped only when Chromium is missing and the CI variable is not set; on CI it must run.
 */
class LandingPageBrowserTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final TenantId SCHOOL = TenantId.of("school");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/p/[A-Za-z0-9_-]{22}");
    private static LocalStack stack;
    private static Path examples;

    @BeforeAll
    static void start() {
        assumeTrue(browser().isPresent() || System.getenv("CI") != null,
                "assumed: Chromium and chromedriver are installed (apt-get install -y chromium chromium-driver); "
                        + "without them and outside CI this browser test is skipped");
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        examples = template.getParent().resolve("docs/examples");
        stack = LocalStack.start(LocalStackOptions.ephemeral(template, 0));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Optional<Path[]> browser() {
        Path driver = Path.of("/usr/bin/chromedriver");
        for (String name : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(name)) && Files.isExecutable(driver)) {
                return Optional.of(new Path[] {Path.of(name), driver});
            }
        }
        return Optional.empty();
    }

    @Test
    void aStudentAnswersThroughThePersonalLinkInTheSms() throws Exception {
        // SMS outside quiet hours wait for the morning: start in the day, whenever the test runs.
        Daytime.moveIntoDaytime(stack.clock());
        var dynamoDb = stack.emulators().dynamoDb();
        var resources = stack.resources();
        new DynamoDbTenantDirectory(dynamoDb, resources.requireTableName("TenantsTable"))
                .createIfAbsent(new Tenant(SCHOOL, "Studentforbundet", stack.clock().instant()));
        DynamoDbContactStore contacts = new DynamoDbContactStore(dynamoDb, resources.requireTableName("ContactsTable"),
                stack.clock(), 2);
        ContactJson json = new ContactJson(stack.clock());
        contacts.upsert(SCHOOL, json.read("{\"id\":\"S-1\",\"updatedAt\":\"2026-11-01T10:00:00Z\",\"firstName\":\"Kari\","
                + "\"phone\":\"+4791234561\",\"memberships\":[{\"type\":\"student\",\"status\":\"active\","
                + "\"examDate\":\"2026-06-15\"}]}").contact());

        String editor = token("editor");
        assertThat(send("POST", "/admin/v1/segments", editor, example("students-past-exam.segment.json")).statusCode())
                .isEqualTo(201);
        for (String name : List.of("student-ask.template.json", "student-remind.template.json")) {
            assertThat(send("POST", "/admin/v1/templates", editor, example(name)).statusCode()).isEqualTo(201);
        }
        ObjectNode journey = (ObjectNode) MAPPER.readTree(example("student-journey.json"));
        journey.put("id", "student");
        // One submission publishes an answer per question, in no guaranteed order: the example's wait names
        // the question it is for, or it would end on whichever answer came first (the consent, say).
        assertThat(journey.at("/steps/1/signal/where/question").asText()).isEqualTo("still-student");
        HttpResponse<String> created = send("POST", "/admin/v1/journeys", editor, journey.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(send("POST", "/admin/v1/journeys/student/activate", editor, null).statusCode()).isEqualTo(200);
        stack.clock().advance(Duration.ofMinutes(1));
        eventually(() -> !stack.outbox().newest("school", "sms", 10).isEmpty(), "the SMS in the outbox");

        // The link, as the person gets it: from the SMS text in the sandbox's outbox.
        HttpResponse<String> outbox = send("GET", "/local/outbox?tenant=school&channel=sms", null, null);
        String text = MAPPER.readTree(outbox.body()).get(0).get("text").asText();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        String url = link.group();
        assertThat(url).startsWith(stack.baseUri().toString().replaceAll("/$", "") + "/p/");
        List<OutboxMessage> sent = stack.outbox().newest("school", "sms", 10);
        assertThat(sent.get(0).text()).contains(url);

        Path[] chromium = browser().orElseThrow(() -> new AssertionError(
                "CI is set but Chromium is missing: .ci/run installs chromium and chromium-driver"));
        ChromeOptions options = new ChromeOptions().setBinary(chromium[0].toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=nb-NO",
                        "--window-size=390,844");
        // Unknown links have no language of their own: the page follows Accept-Language.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "nb-NO,nb"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromium[1].toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url);
            heading(browser, "Er du fortsatt student?");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nb");
            Path screenshot = Path.of("target", "landing-phone.png");
            Files.createDirectories(screenshot.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);

            // Nothing chosen: the form comes back with the error tied to the question, nothing stored.
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector(".summary")).isEmpty());
            assertThat(browser.findElement(By.cssSelector(".summary")).getText()).contains("Svar på dette spørsmålet.");
            assertThat(browser.findElement(By.id("f-still-student")).getAttribute("aria-describedby"))
                    .isEqualTo("err-still-student");
            assertThat(browser.findElement(By.id("err-still-student")).getText()).isEqualTo("Svar på dette spørsmålet.");

            browser.findElement(By.cssSelector("label[for=f-still-student]")).click(); // "Ja"
            assertThat(browser.findElement(By.id("f-still-student-examDate")).isDisplayed()).isTrue();
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2027-06-15'",
                    browser.findElement(By.id("f-still-student-examDate")));
            browser.findElement(By.cssSelector("label[for=f-contact-sms]")).click(); // "Ja" to SMS
            browser.findElement(By.id("f-comment")).sendKeys("Takk for påminnelsen");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            heading(browser, "Takk for svaret!");

            // One-time page: the link is used up now, and says so kindly.
            browser.get(url);
            heading(browser, "Du har allerede svart");
            // A link with one character changed is unknown, and the page says nothing about anyone.
            int at = url.length() - 10;
            String tampered = url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);
            browser.get(tampered);
            heading(browser, "Vi fant ikke siden");
        } finally {
            browser.quit();
        }

        Contact contact = contacts.find(SCHOOL, "S-1").orElseThrow();
        assertThat(contact.memberships().get(0).examDate()).hasToString("2027-06-15");
        assertThat(contact.attributes()).containsEntry("stillStudent", true);
        assertThat(contact.consents().get(Channel.SMS).granted()).isTrue();
        assertThat(contact.consents().get(Channel.SMS).source()).isEqualTo("landing-page");
        contacts.close();

        DynamoDbEnrolmentStore enrolments = new DynamoDbEnrolmentStore(dynamoDb, resources.requireTableName("EnrolmentsTable"));
        eventually(() -> enrolments.results(SCHOOL, "student").stream()
                .filter(r -> r.key().counter() == ResultCounter.GOAL_REACHED)
                .mapToLong(EnrolmentStore.ResultCount::count).sum() == 1, "the answer reaching the journey's goal");

        JsonNode events = MAPPER.readTree(send("GET", "/local/events?tenant=school", null, null).body());
        assertThat(events.toString()).contains("dialog.landing").contains("ContactUpdateRequested")
                .contains("memberships.student.examDate").contains("ConsentChanged").contains("MessageReceived");
    }

    /** Waits for the page (a navigation after a click is not finished when click() returns). */
    private static void heading(WebDriver browser, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> expected.equals(d.findElement(By.tagName("h1")).getText()));
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String roles) throws Exception {
        return MAPPER.readTree(send("GET", "/local/token?tenant=school&roles=" + roles, null, null).body())
                .get("token").asText();
    }

    private static String example(String name) throws Exception {
        return Files.readString(examples.resolve(name));
    }

}
