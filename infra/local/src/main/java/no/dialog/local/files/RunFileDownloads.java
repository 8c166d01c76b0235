package no.dialog.local.files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code GET /local/files?key=<object key>}: streams a run file from the exports bucket with its media type,
 * so letters, print files and call lists can be opened from the console. Only keys {@link RunFileKeys}
 * accepts are read (the letter drop and the print and call-list prefixes); anything else is a 400, so the
 * route cannot be used to read other objects of the bucket.
 */
public final class RunFileDownloads implements HttpHandler {

    public static final String MOUNT = "/local/files";

    private final S3Client s3;
    private final String exportsBucket;

    public RunFileDownloads(S3Client s3, String exportsBucket) {
        this.s3 = s3;
        this.exportsBucket = exportsBucket;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                text(exchange, 405, "use GET");
                return;
            }
            Optional<RunFileKeys.RunFileKey> file = RunFileKeys.parse(key(exchange.getRequestURI().getRawQuery()));
            if (file.isEmpty()) {
                text(exchange, 400, "key must be a run file: drops/<tenant>/21grams/<runId>/<file>"
                        + " or <tenant>/<print|telemarketing>/<runId>/<file>");
                return;
            }
            ResponseInputStream<GetObjectResponse> object;
            try {
                object = s3.getObject(b -> b.bucket(exportsBucket).key(file.get().key()));
            } catch (NoSuchKeyException e) {
                text(exchange, 404, "no such file");
                return;
            }
            try (InputStream in = object) {
                exchange.getResponseHeaders().set("Content-Type", file.get().contentType());
                exchange.getResponseHeaders().set("Content-Disposition",
                        "inline; filename=\"" + file.get().fileName() + "\"");
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                Long length = object.response().contentLength();
                // 0: chunked, when the length is unknown.
                exchange.sendResponseHeaders(200, length == null ? 0 : length);
                try (OutputStream out = exchange.getResponseBody()) {
                    in.transferTo(out);
                }
            }
        } finally {
            exchange.close();
        }
    }

    /** The {@code key} parameter, decoded once; null when absent. */
    static String key(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("key=")) {
                return URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
