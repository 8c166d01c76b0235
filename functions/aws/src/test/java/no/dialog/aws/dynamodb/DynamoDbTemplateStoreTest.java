package no.dialog.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import no.dialog.aws.testing.TestTables;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.template.MessageTemplate;
import no.dialog.core.tenant.TenantId;
import no.dialog.emulators.SharedEmulators;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbTemplateStoreTest {

    private static final TenantId DEMO = TenantId.of("demo");
    private static final TenantId OTHER = TenantId.of("other");
    private static DynamoDbTemplateStore store;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedEmulators.get().dynamoDb();
        store = new DynamoDbTemplateStore(dynamoDb, TestTables.definitions(dynamoDb));
    }

    @Test
    void everyFieldSurvivesTheRoundTripIncludingAbsentOnes() {
        MessageTemplate email = new MessageTemplate("welcome-mail", SendChannel.EMAIL, "nb", "Velkommen, {{ firstName }}!",
                "Hei {{ firstName }}\n\nTakk for at du ble medlem. Les mer: {{ link }}");
        MessageTemplate sms = new MessageTemplate("welcome-sms", SendChannel.SMS, null, null, "Hei {{ firstName }}!");
        store.save(DEMO, email);
        store.save(DEMO, sms);

        assertThat(store.find(DEMO, "welcome-mail")).contains(email);
        assertThat(store.find(DEMO, "welcome-sms")).contains(sms);
        assertThat(store.list(DEMO)).contains(email, sms);
    }

    @Test
    void anotherTenantCannotSeeOrDeleteATemplate() {
        MessageTemplate letter = new MessageTemplate("letter-1", SendChannel.LETTER, "nb", null, "Kjære {{ firstName }}");
        store.save(DEMO, letter);

        assertThat(store.find(OTHER, "letter-1")).isEmpty();
        assertThat(store.list(OTHER)).isEmpty();
        assertThat(store.delete(OTHER, "letter-1")).isFalse();
        assertThat(store.find(DEMO, "letter-1")).contains(letter);
    }

    @Test
    void saveReplacesAndDeleteTellsWhetherThereWasOne() {
        store.save(DEMO, new MessageTemplate("reminder", SendChannel.SMS, "nb", null, "Første utkast"));
        store.save(DEMO, new MessageTemplate("reminder", SendChannel.CHAT, "en", null, "Second draft"));

        assertThat(store.find(DEMO, "reminder").orElseThrow().channel()).isEqualTo(SendChannel.CHAT);
        assertThat(store.delete(DEMO, "reminder")).isTrue();
        assertThat(store.delete(DEMO, "reminder")).isFalse();
        assertThat(store.find(DEMO, "reminder")).isEmpty();
    }
}
