package no.dialog.core.results;

import java.util.List;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the weekly results summaries in the exports bucket, under
 * {@code results/<tenant>/<journeyId>/<week>.<csv|pdf>} ({@link #key}). They hold aggregate numbers only (no
 * person), and they are written again whole when a week's summary is made again.
 */
public interface SummaryFiles {

    /** The formats a summary is written in. */
    enum Format {
        CSV("csv", "text/csv; charset=utf-8"), PDF("pdf", "application/pdf");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** One stored file of a summary. */
    record StoredSummary(ResultsWeek week, Format format, String key) {}

    /** Writes (or overwrites) the week's summary file of the journey. */
    void put(TenantId tenant, String journeyId, ResultsWeek week, Format format, byte[] content);

    /** The journey's summary files, newest week first; keys that are not a summary's name are left out. */
    List<StoredSummary> list(TenantId tenant, String journeyId);

    /** The prefix of a journey's summaries; the tenant is in it, so one tenant's listing never sees another's. */
    static String prefix(TenantId tenant, String journeyId) {
        if (journeyId.contains("/") || journeyId.contains("..")) {
            throw new IllegalArgumentException("a journey id holds no slash or ..");
        }
        return "results/" + tenant.value() + "/" + journeyId + "/";
    }

    static String key(TenantId tenant, String journeyId, ResultsWeek week, Format format) {
        return prefix(tenant, journeyId) + week + "." + format.extension();
    }

    /** The summary a key under the journey's prefix names, if it names one. */
    static java.util.Optional<StoredSummary> parse(TenantId tenant, String journeyId, String key) {
        String prefix = prefix(tenant, journeyId);
        if (!key.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        String name = key.substring(prefix.length());
        for (Format format : Format.values()) {
            String suffix = "." + format.extension();
            if (name.endsWith(suffix)) {
                return ResultsWeek.parse(name.substring(0, name.length() - suffix.length()))
                        .map(week -> new StoredSummary(week, format, key));
            }
        }
        return java.util.Optional.empty();
    }
}
