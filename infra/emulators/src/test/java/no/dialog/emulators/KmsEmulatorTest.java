package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.CreateKeyResponse;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.KmsException;

/** The KMS endpoint, asked through the AWS SDK's own client as Dialog's functions ask AWS. */
class KmsEmulatorTest {

    private static KmsServer server;
    private static KmsClient client;

    @BeforeAll
    static void start() {
        server = KmsServer.start(null, 0);
        client = LocalAwsClients.kms(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static String newKey() {
        return client.createKey(b -> b.description("test")).keyMetadata().keyId();
    }

    @Test
    void aDataKeyDecryptsWithItsEncryptionContextOnly() {
        String key = newKey();
        GenerateDataKeyResponse made = client.generateDataKey(b -> b.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(Map.of("tenant", "union")));

        assertThat(made.plaintext().asByteArray()).hasSize(32);
        assertThat(made.keyId()).isEqualTo("arn:aws:kms:eu-north-1:000000000000:key/" + key);
        var opened = client.decrypt(b -> b.ciphertextBlob(made.ciphertextBlob())
                .encryptionContext(Map.of("tenant", "union")));
        assertThat(opened.plaintext()).isEqualTo(made.plaintext());
        assertThat(opened.keyId()).isEqualTo(made.keyId());

        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(made.ciphertextBlob())
                .encryptionContext(Map.of("tenant", "charity")))).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(made.ciphertextBlob())))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(made.ciphertextBlob())
                .encryptionContext(Map.of("tenant", "union", "purpose", "x")))).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void encryptAndDecryptTheContextInAnyOrderAndRefuseAChangedBlob() {
        String key = newKey();
        byte[] blob = client.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromUtf8String("hello"))
                .encryptionContext(Map.of("a", "1", "b", "2"))).ciphertextBlob().asByteArray();

        assertThat(client.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))
                .encryptionContext(Map.of("b", "2", "a", "1"))).plaintext().asUtf8String()).isEqualTo("hello");
        blob[blob.length - 1] ^= 1;
        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob))
                .encryptionContext(Map.of("a", "1", "b", "2")))).isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(SdkBytes.fromUtf8String("not a blob at all, no"))))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void aBlobOfOneKeyNamedWithAnotherIsTheWrongKey() {
        String one = newKey();
        String other = newKey();
        SdkBytes blob = client.encrypt(b -> b.keyId(one).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob();

        assertThatThrownBy(() -> client.decrypt(b -> b.ciphertextBlob(blob).keyId(other)))
                .isInstanceOf(IncorrectKeyException.class);
        assertThat(client.decrypt(b -> b.ciphertextBlob(blob).keyId(one)).plaintext().asUtf8String()).isEqualTo("x");
    }

    @Test
    void keysAreFoundByIdArnAliasAndAliasArnAndListedWithTheirTags() {
        CreateKeyResponse created = client.createKey(b -> b.description("the data key")
                .tags(Tag.builder().tagKey("aws:cloudformation:logical-id").tagValue("DataKey").build()));
        KeyMetadata key = created.keyMetadata();
        client.createAlias(b -> b.aliasName("alias/dialog-test-data").targetKeyId(key.keyId()));

        for (String name : new String[] {key.keyId(), key.arn(), "alias/dialog-test-data",
                "arn:aws:kms:eu-north-1:000000000000:alias/dialog-test-data"}) {
            KeyMetadata described = client.describeKey(b -> b.keyId(name)).keyMetadata();
            assertThat(described.keyId()).as(name).isEqualTo(key.keyId());
            assertThat(described.description()).isEqualTo("the data key");
            assertThat(described.enabled()).isTrue();
        }
        assertThat(client.listKeysPaginator(b -> b.limit(1)).keys()).extracting(k -> k.keyId()).contains(key.keyId());
        assertThat(client.listResourceTags(b -> b.keyId(key.keyId())).tags())
                .containsExactly(Tag.builder().tagKey("aws:cloudformation:logical-id").tagValue("DataKey").build());
        assertThatThrownBy(() -> client.createAlias(b -> b.aliasName("alias/dialog-test-data").targetKeyId(key.keyId())))
                .isInstanceOf(AlreadyExistsException.class);
        assertThatThrownBy(() -> client.describeKey(b -> b.keyId("alias/nothing"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.describeKey(b -> b.keyId("11111111-2222-3333-4444-555555555555")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void badRequestsAreRefusedAsKmsRefusesThem() {
        String key = newKey();
        assertThatThrownBy(() -> client.generateDataKey(b -> b.keyId(key)))
                .isInstanceOf(KmsException.class).hasMessageContaining("KeySpec or NumberOfBytes");
        assertThatThrownBy(() -> client.encrypt(b -> b.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[4097]))))
                .isInstanceOf(KmsException.class).hasMessageContaining("4096");
        assertThat(client.generateDataKey(b -> b.keyId(key).numberOfBytes(64)).plaintext().asByteArray()).hasSize(64);
        assertThat(client.generateDataKeyWithoutPlaintext(b -> b.keyId(key).keySpec(DataKeySpec.AES_128))
                .ciphertextBlob().asByteArray()).isNotEmpty();
    }

    @Test
    void keysSurviveARestartWithADataFile(@TempDir Path dir) {
        Path file = dir.resolve("kms.json");
        String keyId;
        SdkBytes blob;
        SdkBytes plaintext;
        try (KmsServer first = KmsServer.start(file, 0); KmsClient kms = LocalAwsClients.kms(first.endpoint())) {
            keyId = kms.createKey(b -> b.description("kept")).keyMetadata().keyId();
            kms.createAlias(b -> b.aliasName("alias/kept").targetKeyId(keyId));
            GenerateDataKeyResponse made = kms.generateDataKey(b -> b.keyId("alias/kept").keySpec(DataKeySpec.AES_256)
                    .encryptionContext(Map.of("tenant", "union")));
            blob = made.ciphertextBlob();
            plaintext = made.plaintext();
        }
        try (KmsServer second = KmsServer.start(file, 0); KmsClient kms = LocalAwsClients.kms(second.endpoint())) {
            assertThat(kms.describeKey(b -> b.keyId("alias/kept")).keyMetadata().keyId()).isEqualTo(keyId);
            assertThat(kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("tenant", "union")))
                    .plaintext()).isEqualTo(plaintext);
        }
    }
}
