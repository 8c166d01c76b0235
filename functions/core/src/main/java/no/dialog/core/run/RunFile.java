package no.dialog.core.run;

import java.time.Instant;
import java.util.Objects;

/**
 * A file a run wrote.
 *
 * @param name           what it is called in listings ({@code call-list.csv}, {@code letters})
 * @param key            where it is in the exports bucket (for letters: the drop's manifest)
 * @param contentType    its media type
 * @param link           a time-limited download link (S3 presigned), or null where none is made
 * @param linkExpiresAt  when the link stops working, or null
 */
public record RunFile(String name, String key, String contentType, String link, Instant linkExpiresAt) {

    public RunFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(contentType, "contentType");
    }
}
