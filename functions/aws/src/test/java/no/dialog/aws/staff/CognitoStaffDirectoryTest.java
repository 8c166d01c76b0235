package no.dialog.aws.staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import no.dialog.core.staff.StaffDirectory.StaffDirectoryUnavailable;
import no.dialog.core.staff.StaffRole;
import no.dialog.core.tenant.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Inviting staff into the Cognito user pool, with WireMock speaking Cognito's JSON protocol
 * ({@code X-Amz-Target: AWSCognitoIdentityProviderService.<Action>}, errors as 400 with {@code __type}).
 */
class CognitoStaffDirectoryTest {

    private static final String POOL = "eu-north-1_AbCdEf123";
    private static final String TARGET = "AWSCognitoIdentityProviderService.";
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static WireMockServer cognito;
    private static CognitoIdentityProviderClient client;
    private CognitoStaffDirectory staff;

    @BeforeAll
    static void start() {
        cognito = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        cognito.start();
        client = CognitoIdentityProviderClient.builder().endpointOverride(URI.create(cognito.baseUrl()))
                .region(Region.EU_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        cognito.stop();
    }

    @BeforeEach
    void fresh() {
        cognito.resetAll();
        staff = new CognitoStaffDirectory(client, POOL);
    }

    private static void answers(String action, int status, String body) {
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + action))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON_11).withBody(body)));
    }

    private static String error(String type) {
        return "{\"__type\":\"" + type + "\",\"message\":\"User account already exists for kari@redcross.test\"}";
    }

    @Test
    void aNewAdminIsCreatedWithAnInvitationAndPutInTheOrganisationsAdminGroup() {
        answers("CreateGroup", 200, "{\"Group\":{\"GroupName\":\"redcross:admin\",\"UserPoolId\":\"" + POOL + "\"}}");
        answers("AdminCreateUser", 200, "{\"User\":{\"Username\":\"9a7b\",\"Enabled\":true,"
                + "\"UserStatus\":\"FORCE_CHANGE_PASSWORD\",\"UserCreateDate\":1796000000}}");
        answers("AdminAddUserToGroup", 200, "{}");

        boolean created = staff.invite(TenantId.of("redcross"), "kari@redcross.test", StaffRole.ADMIN);

        assertThat(created).isTrue();
        cognito.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "CreateGroup"))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"GroupName\":\"redcross:admin\"}",
                        true, true)));
        cognito.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminCreateUser"))
                .withRequestBody(equalToJson("""
                        {"UserPoolId":"%s","Username":"kari@redcross.test","DesiredDeliveryMediums":["EMAIL"],
                         "UserAttributes":[{"Name":"email","Value":"kari@redcross.test"},
                                           {"Name":"email_verified","Value":"true"}]}""".formatted(POOL), true, false)));
        cognito.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminAddUserToGroup"))
                .withRequestBody(equalToJson("{\"UserPoolId\":\"" + POOL + "\",\"Username\":\"kari@redcross.test\","
                        + "\"GroupName\":\"redcross:admin\"}", true, false)));
    }

    @Test
    void anExistingUserAndGroupAreReusedAndTheRoleStillAdded() {
        answers("CreateGroup", 400, error("GroupExistsException"));
        answers("AdminCreateUser", 400, error("UsernameExistsException"));
        answers("AdminAddUserToGroup", 200, "{}");

        boolean created = staff.invite(TenantId.of("redcross"), "kari@redcross.test", StaffRole.EDITOR);

        assertThat(created).isFalse();
        cognito.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminAddUserToGroup"))
                .withRequestBody(equalToJson("{\"GroupName\":\"redcross:editor\"}", true, true)));
    }

    @Test
    void aRefusalIsReportedByItsCodeWithoutTheAddress() {
        answers("CreateGroup", 200, "{\"Group\":{\"GroupName\":\"redcross:admin\"}}");
        answers("AdminCreateUser", 400, error("NotAuthorizedException"));

        assertThatThrownBy(() -> staff.invite(TenantId.of("redcross"), "kari@redcross.test", StaffRole.ADMIN))
                .isInstanceOf(StaffDirectoryUnavailable.class)
                .hasMessageContaining("NotAuthorizedException")
                .hasMessageNotContaining("kari");
        cognito.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET + "AdminAddUserToGroup")));
    }
}
