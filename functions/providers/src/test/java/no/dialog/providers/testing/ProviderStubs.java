package no.dialog.providers.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * WireMock standing in for a provider's HTTP API, answering with the provider's documented payloads from
 * the repository's {@code events/<function>/} folder.
 */
public final class ProviderStubs {

    private ProviderStubs() {}

    /**
     * A server on a free local port for one test class (register it as a static {@code @RegisterExtension}):
     * started before the class's {@code @BeforeAll}, its stubs and request journal cleared before each test,
     * stopped after the class.
     */
    public static WireMockExtension server() {
        return WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** An answer with {@code status} and {@code body} as JSON. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The text of {@code events/<function>/<name>}, found from the module's folder or the repository's root. */
    public static String payload(String function, String name) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("events"))) {
                try {
                    return Files.readString(dir.resolve("events").resolve(function).resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no events/ folder above " + start);
    }
}
