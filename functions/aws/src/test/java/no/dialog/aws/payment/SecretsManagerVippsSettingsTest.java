package no.dialog.aws.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import no.dialog.core.payment.vipps.VippsSettings.TenantVipps;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Vipps settings from Secrets Manager, with WireMock speaking its JSON protocol ({@code GetSecretValue}). */
class SecretsManagerVippsSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static WireMockServer secretsManager;
    private static SecretsManagerClient client;

    private final MovableClock clock = new MovableClock();
    private final TestTenants tenants = new TestTenants();
    private SecretsManagerVippsSettings settings;

    @BeforeAll
    static void start() {
        secretsManager = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        secretsManager.start();
        client = SecretsManagerClient.builder().endpointOverride(URI.create(secretsManager.baseUrl()))
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        secretsManager.stop();
    }

    @BeforeEach
    void fresh() {
        secretsManager.resetAll();
        // Secrets Manager answers an unknown secret with 400 ResourceNotFoundException.
        secretsManager.stubFor(post(urlEqualTo("/")).atPriority(10).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
        settings = new SecretsManagerVippsSettings(client, tenants, clock, "prod");
    }

    private static void secret(String name, String secretString) throws Exception {
        String body = JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:eu-north-1:1:secret:" + name)
                .put("Name", name).put("SecretString", secretString).put("VersionId", "v1").toString();
        secretsManager.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + name + "\"}", true, true))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(body)));
    }

    private static String keys() {
        return "{\"clientId\":\"cid\",\"clientSecret\":\"csecret\",\"subscriptionKey\":\"sub\","
                + "\"merchantSerialNumber\":\"123456\",\"webhookSecret\":\"whsecret\"}";
    }

    @Test
    void theTenantsSecretGivesItsKeysAndItsSettingsTheChoices() throws Exception {
        secret("dialog/prod/tenants/redcross/vipps", keys());
        tenants.put(new Tenant(TenantId.of("redcross"), "Red Cross", NOW, Map.of(
                "vipps.captureAtOnce", "false", "vipps.recurringProductName", "Fast givar")));

        TenantVipps vipps = settings.forTenant(TenantId.of("redcross")).orElseThrow();

        assertThat(vipps.credentials().clientId()).isEqualTo("cid");
        assertThat(vipps.credentials().clientSecret()).isEqualTo("csecret");
        assertThat(vipps.credentials().subscriptionKey()).isEqualTo("sub");
        assertThat(vipps.credentials().merchantSerialNumber()).isEqualTo("123456");
        assertThat(vipps.webhookSecret()).isEqualTo("whsecret");
        assertThat(vipps.captureAtOnce()).isFalse();
        assertThat(vipps.recurringProductName()).isEqualTo("Fast givar");
        assertThat(vipps.toString()).doesNotContain("csecret").doesNotContain("whsecret");
        secretsManager.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")));
    }

    @Test
    void choicesDefaultWhenTheTenantMadeNone() throws Exception {
        secret("dialog/prod/tenants/plain/vipps", keys());
        TenantVipps vipps = settings.forTenant(TenantId.of("plain")).orElseThrow();
        assertThat(vipps.captureAtOnce()).isTrue();
        assertThat(vipps.recurringProductName()).isEqualTo(VippsChoices.DEFAULT_PRODUCT_NAME);
    }

    @Test
    void noSecretMeansNoVipps() {
        assertThat(settings.forTenant(TenantId.of("novipps"))).isEmpty();
    }

    @Test
    void whatWasReadIsKeptFiveMinutesPerTenant() throws Exception {
        secret("dialog/prod/tenants/cached/vipps", keys());
        settings.forTenant(TenantId.of("cached"));
        clock.move(Duration.ofMinutes(4));
        settings.forTenant(TenantId.of("cached"));
        assertThat(settings.forTenant(TenantId.of("novipps"))).isEmpty();
        assertThat(settings.forTenant(TenantId.of("novipps"))).isEmpty();
        secretsManager.verify(2, postRequestedFor(urlEqualTo("/")));

        clock.move(Duration.ofMinutes(2));
        assertThat(settings.forTenant(TenantId.of("cached"))).isPresent();
        secretsManager.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void theCacheKeepsABoundedNumberOfTenants() throws Exception {
        SecretsManagerVippsSettings small = new SecretsManagerVippsSettings(client, tenants, clock, "prod", 3);
        secret("dialog/prod/tenants/cached/vipps", keys());
        small.forTenant(TenantId.of("cached"));
        for (int i = 0; i < 10; i++) {
            small.forTenant(TenantId.of("made-up-" + i));
            assertThat(small.cachedTenants()).isLessThanOrEqualTo(3);
        }
        clock.move(Duration.ofMinutes(6));
        small.forTenant(TenantId.of("another"));
        assertThat(small.cachedTenants()).as("expired entries make room first").isLessThanOrEqualTo(3);
        assertThat(small.forTenant(TenantId.of("cached"))).isPresent();
    }

    @Test
    void aSecretWithoutAFieldIsAnErrorThatNamesTheFieldButNoValue() throws Exception {
        secret("dialog/prod/tenants/broken/vipps", "{\"clientId\":\"cid\",\"clientSecret\":\"csecret\"}");
        assertThatThrownBy(() -> settings.forTenant(TenantId.of("broken")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dialog/prod/tenants/broken/vipps").hasMessageContaining("subscriptionKey")
                .hasMessageNotContaining("csecret");
        secret("dialog/prod/tenants/notjson/vipps", "csecret-not-json");
        assertThatThrownBy(() -> settings.forTenant(TenantId.of("notjson")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not JSON")
                .hasMessageNotContaining("csecret");
    }

    @Test
    void aStageIsNeededToNameTheSecrets() {
        assertThatThrownBy(() -> new SecretsManagerVippsSettings(client, tenants, clock, " "))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DIALOG_STAGE");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = NOW;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Tenants in memory. */
    static final class TestTenants implements no.dialog.core.tenant.TenantDirectory {
        private final Map<TenantId, Tenant> tenants = new java.util.concurrent.ConcurrentHashMap<>();

        void put(Tenant tenant) {
            tenants.put(tenant.id(), tenant);
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.ofNullable(tenants.get(id));
        }

        @Override
        public boolean createIfAbsent(Tenant tenant) {
            return tenants.putIfAbsent(tenant.id(), tenant) == null;
        }

        @Override
        public java.util.List<TenantId> all() {
            return java.util.List.copyOf(tenants.keySet());
        }
    }
}
