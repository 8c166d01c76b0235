package no.dialog.aws.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.privacy.PersonalData;
import no.dialog.core.tenant.TenantId;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes the tenant's contact files ({@code <tenant>/contacts/*.ndjson} in the imports bucket) that hold a
 * line of the person (a line whose {@code id} is their contact id). Deleted, not rewritten: a contact file's
 * use ends when it has been imported (the register is where the people are), and writing a file again is an
 * upload, which would start its import again. The import report beside it (row numbers and reasons, no row
 * content) stays. A file still being imported when the person is erased stops there; the register can send its
 * people again. OCR giro files ({@code ocr/<tenant>/…}) are not read: their lines name a KID, an amount and a
 * bank account, not a contact id; they are bounded by the bucket's lifecycle ({@code ImportsRetentionDays}).
 * A second erasure finds no such file and counts 0.
 */
@Singleton
@Order(90)
@Requires(classes = S3Client.class)
@Requires(property = "imports.bucket")
public class S3ImportFileErasure implements PersonalData {

    private static final JsonFactory JSON = new JsonFactory();

    private final S3Client s3;
    private final String bucket;

    public S3ImportFileErasure(S3Client s3, @Value("${imports.bucket}") String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public String store() {
        return "import-files";
    }

    @Override
    public long erase(TenantId tenant, String contactId) {
        List<String> files = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(tenant.value() + "/contacts/")).contents().stream()
                .map(S3Object::key).filter(key -> key.endsWith(".ndjson")).forEach(files::add);
        long deleted = 0;
        for (String key : files) {
            if (holds(key, contactId)) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                deleted++;
            }
        }
        return deleted;
    }

    private boolean holds(String key, String contactId) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                // Most lines are someone else's: parse only those that could be the person's.
                if (line.contains(contactId) && contactId.equals(id(line))) {
                    return true;
                }
            }
            return false;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a contact file of tenant " + key.split("/")[0], e);
        }
    }

    /** The line's top-level {@code id}, or null (a malformed line, which its import reported). */
    private static String id(String line) {
        try (JsonParser parser = JSON.createParser(line.startsWith("\uFEFF") ? line.substring(1) : line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
