package no.dialog.local.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import no.dialog.local.LocalStack;
import no.dialog.local.LocalStackOptions;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ready means ready, and no later than that: on a data folder that already holds the demo organisation the
 * stack is ready as soon as it has started (no "starting" phase), as {@code infra/local/run} is used day to day.
 */
class PersistedDemoReadinessTest {

    private static final int DEMO_CONTACTS = 200;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aDataFolderThatHoldsTheDemoIsReadyAtOnce() throws Exception {
        Path template = TemplateFiles.findFromWorkingDirectory().toAbsolutePath();
        LocalStackOptions options = new LocalStackOptions(0, data, false, template, DEMO_CONTACTS, 0, 0, 0, 2);

        try (LocalStack first = LocalStack.start(options)) {
            Readiness.State state = first.readiness().readiness().await(Duration.ofMinutes(3));
            assertThat(state.ready()).as("the first start imports the demo: %s", state).isTrue();
            assertThat(state.imported()).isEqualTo(DEMO_CONTACTS);
        }

        try (LocalStack again = LocalStack.start(options)) {
            Readiness.State state = again.readiness().readiness().state();
            assertThat(state.ready()).as("ready the moment start returns: %s", state).isTrue();
            assertThat(state.imported()).isEqualTo(DEMO_CONTACTS);
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(again.baseUri().resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"demo\":{\"imported\":200,\"of\":200}");
        }
    }
}
