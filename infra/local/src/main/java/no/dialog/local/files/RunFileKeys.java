package no.dialog.local.files;

import java.util.Optional;
import java.util.regex.Pattern;
import no.dialog.core.run.RunIds;
import no.dialog.core.tenant.TenantId;

/**
 * Reads the object keys run files have in the exports bucket (docs/adr/0010-run-files.md), and nothing else:
 * the 21Grams letter drop {@code drops/<tenant>/21grams/<runId>/<file>} and the run files
 * {@code <tenant>/<print|telemarketing>/<runId>/<file>}. Tenant and run id are checked as core checks them,
 * the file name against a strict pattern, so a key with {@code ..}, a leading slash, empty or extra parts is
 * no run file.
 */
public final class RunFileKeys {

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.(pdf|csv)");

    /** A run file's parts. */
    public record RunFileKey(String key, String tenant, String channel, String runId, String fileName) {

        /** The media type the local file route answers with (as close-runs wrote it). */
        public String contentType() {
            return fileName.endsWith(".pdf") ? "application/pdf" : "text/csv; charset=utf-8";
        }
    }

    private RunFileKeys() {}

    public static Optional<RunFileKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("/", -1);
        if (parts.length == 5 && parts[0].equals("drops") && parts[2].equals("21grams")) {
            return of(key, parts[1], "letter", parts[3], parts[4]);
        }
        if (parts.length == 4 && (parts[1].equals("print") || parts[1].equals("telemarketing"))) {
            return of(key, parts[0], parts[1], parts[2], parts[3]);
        }
        return Optional.empty();
    }

    private static Optional<RunFileKey> of(String key, String tenant, String channel, String runId, String file) {
        if (!TenantId.isValid(tenant) || !RunIds.isValid(runId) || !FILE.matcher(file).matches()) {
            return Optional.empty();
        }
        return Optional.of(new RunFileKey(key, tenant, channel, runId, file));
    }
}
