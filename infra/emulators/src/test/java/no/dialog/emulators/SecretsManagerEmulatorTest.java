package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/** The Secrets Manager endpoint, asked through the AWS SDK's own client as Dialog's functions ask AWS. */
class SecretsManagerEmulatorTest {

    private static SecretsManagerServer server;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = SecretsManagerServer.start(null, 0);
        client = LocalAwsClients.secretsManager(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void readsTheCurrentValueByNameAndByArn() {
        CreateSecretResponse created = client.createSecret(b -> b.name("dialog/test/read").secretString("s3cret"));

        GetSecretValueResponse byName = client.getSecretValue(b -> b.secretId("dialog/test/read"));
        GetSecretValueResponse byArn = client.getSecretValue(b -> b.secretId(created.arn()));

        assertThat(created.arn()).matches("arn:aws:secretsmanager:eu-north-1:000000000000:secret:dialog/test/read-\\w{6}");
        assertThat(byName.secretString()).isEqualTo("s3cret");
        assertThat(byArn.secretString()).isEqualTo("s3cret");
        assertThat(byName.versionId()).isEqualTo(created.versionId());
        assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
        String partialArn = created.arn().substring(0, created.arn().length() - 7);
        assertThat(client.getSecretValue(b -> b.secretId(partialArn)).secretString()).isEqualTo("s3cret");
        assertThat(byName.createdDate()).isNotNull();
    }

    @Test
    void aNewValueBecomesCurrentAndTheOldOnePrevious() {
        client.createSecret(b -> b.name("dialog/test/rotate").secretString("one"));
        PutSecretValueResponse second = client.putSecretValue(b -> b.secretId("dialog/test/rotate").secretString("two"));
        client.updateSecret(b -> b.secretId("dialog/test/rotate").secretString("three"));

        assertThat(second.versionStages()).containsExactly("AWSCURRENT");
        assertThat(client.getSecretValue(b -> b.secretId("dialog/test/rotate")).secretString()).isEqualTo("three");
        GetSecretValueResponse previous = client.getSecretValue(b -> b.secretId("dialog/test/rotate")
                .versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("two");
        assertThat(previous.versionId()).isEqualTo(second.versionId());
        assertThat(client.getSecretValue(b -> b.secretId("dialog/test/rotate").versionId(second.versionId()))
                .secretString()).isEqualTo("two");
        assertThat(client.describeSecret(b -> b.secretId("dialog/test/rotate")).versionIdsToStages())
                .hasSize(2).containsEntry(second.versionId(), java.util.List.of("AWSPREVIOUS"));
    }

    @Test
    void aRepeatedRequestTokenMakesNoSecondVersion() {
        client.createSecret(b -> b.name("dialog/test/token").secretString("one"));
        String token = "11111111-2222-3333-4444-555555555555";

        PutSecretValueResponse first = client.putSecretValue(b -> b.secretId("dialog/test/token").secretString("two")
                .clientRequestToken(token));
        PutSecretValueResponse again = client.putSecretValue(b -> b.secretId("dialog/test/token").secretString("two")
                .clientRequestToken(token));

        assertThat(again.versionId()).isEqualTo(first.versionId()).isEqualTo(token);
        assertThat(client.getSecretValue(b -> b.secretId("dialog/test/token").versionStage("AWSPREVIOUS"))
                .secretString()).isEqualTo("one");
        assertThatThrownBy(() -> client.putSecretValue(b -> b.secretId("dialog/test/token").secretString("other")
                .clientRequestToken(token))).isInstanceOf(ResourceExistsException.class);
    }

    @Test
    void answersWithAwsErrorTypes() {
        client.createSecret(b -> b.name("dialog/test/errors").secretString("x"));

        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("dialog/test/missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> client.createSecret(b -> b.name("dialog/test/errors").secretString("y")))
                .isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("dialog/test/errors")
                .versionStage("AWSPREVIOUS"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aSecretScheduledForDeletionCannotBeReadAndAForcedDeletionFreesTheName() {
        client.createSecret(b -> b.name("dialog/test/delete").secretString("x"));
        client.createSecret(b -> b.name("dialog/test/force").secretString("x"));

        client.deleteSecret(b -> b.secretId("dialog/test/delete").recoveryWindowInDays(7L));
        client.deleteSecret(b -> b.secretId("dialog/test/force").forceDeleteWithoutRecovery(true));

        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("dialog/test/delete")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(client.describeSecret(b -> b.secretId("dialog/test/delete")).deletedDate()).isNotNull();
        assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("dialog/test/force")))
                .isInstanceOf(ResourceNotFoundException.class);
        client.createSecret(b -> b.name("dialog/test/force").secretString("again"));
        assertThat(client.getSecretValue(b -> b.secretId("dialog/test/force")).secretString()).isEqualTo("again");
    }

    @Test
    void listsByNamePrefixInPages() {
        IntStream.range(0, 5).forEach(i -> client.createSecret(b -> b.name("dialog/list/t" + i).secretString("v")));
        client.createSecret(b -> b.name("other/list").secretString("v"));

        ListSecretsResponse first = client.listSecrets(b -> b.maxResults(3)
                .filters(f -> f.key(FilterNameStringType.NAME).values("dialog/list/")));
        ListSecretsResponse second = client.listSecrets(b -> b.maxResults(3).nextToken(first.nextToken())
                .filters(f -> f.key(FilterNameStringType.NAME).values("dialog/list/")));

        assertThat(first.secretList()).extracting(SecretListEntry::name)
                .containsExactly("dialog/list/t0", "dialog/list/t1", "dialog/list/t2");
        assertThat(second.secretList()).extracting(SecretListEntry::name).containsExactly("dialog/list/t3", "dialog/list/t4");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void keepsBinarySecrets() {
        client.createSecret(b -> b.name("dialog/test/binary").secretBinary(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));

        assertThat(client.getSecretValue(b -> b.secretId("dialog/test/binary")).secretBinary().asByteArray())
                .containsExactly(1, 2, 3);
    }

    @Test
    void secretsSurviveARestartWithADataFile(@TempDir Path dataDir) {
        Path file = dataDir.resolve("secretsmanager.json");
        String arn;
        try (SecretsManagerServer first = SecretsManagerServer.start(file, 0);
                SecretsManagerClient firstClient = LocalAwsClients.secretsManager(first.endpoint())) {
            arn = firstClient.createSecret(b -> b.name("dialog/kept").secretString("one")).arn();
            firstClient.putSecretValue(b -> b.secretId(arn).secretString("two"));
        }
        try (SecretsManagerServer second = SecretsManagerServer.start(file, 0);
                SecretsManagerClient secondClient = LocalAwsClients.secretsManager(second.endpoint())) {
            assertThat(secondClient.getSecretValue(b -> b.secretId(arn)).secretString()).isEqualTo("two");
            assertThat(secondClient.getSecretValue(b -> b.secretId("dialog/kept").versionStage("AWSPREVIOUS"))
                    .secretString()).isEqualTo("one");
        }
    }
}
