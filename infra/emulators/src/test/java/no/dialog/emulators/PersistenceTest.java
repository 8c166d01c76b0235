package no.dialog.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.S3Object;

class PersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void dynamoDbItemsAndS3ObjectsSurviveARestart() {
        EmulatorOptions options = EmulatorOptions.builder().dataDir(dataDir).build();
        try (Emulators first = Emulators.start(options)) {
            first.dynamoDb().createTable(table -> table.tableName("members")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute -> attribute.attributeName("id")
                            .attributeType(ScalarAttributeType.S))
                    .keySchema(key -> key.attributeName("id").keyType(KeyType.HASH)));
            first.dynamoDb().putItem(put -> put.tableName("members")
                    .item(Map.of("id", AttributeValue.fromS("m-1"), "name", AttributeValue.fromS("Kari"))));
            first.s3().createBucket(create -> create.bucket("imports"));
            first.s3().putObject(put -> put.bucket("imports").key("2024/members.csv"),
                    RequestBody.fromString("id;name\nm-1;Kari\n"));
        }

        try (Emulators second = Emulators.start(options)) {
            var item = second.dynamoDb().getItem(get -> get.tableName("members")
                    .key(Map.of("id", AttributeValue.fromS("m-1")))).item();
            String object = second.s3().getObjectAsBytes(get -> get.bucket("imports").key("2024/members.csv"))
                    .asUtf8String();

            var listed = second.s3().listObjectsV2(list -> list.bucket("imports"));

            assertThat(item.get("name").s()).isEqualTo("Kari");
            assertThat(object).isEqualTo("id;name\nm-1;Kari\n");
            // The folder "2024" the file store keeps the object in is not an object.
            assertThat(listed.contents()).extracting(S3Object::key).containsExactly("2024/members.csv");
            assertThat(second.s3().listObjectsV2(list -> list.bucket("imports").delimiter("/")).commonPrefixes())
                    .extracting(CommonPrefix::prefix).containsExactly("2024/");
        }
        assertThat(dataDir.resolve("dynamodb")).isNotEmptyDirectory();
        assertThat(dataDir.resolve("s3/imports")).isDirectory();
    }
}
