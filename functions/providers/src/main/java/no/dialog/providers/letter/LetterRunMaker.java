package no.dialog.providers.letter;

import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.CsvWriter;
import no.dialog.core.run.LetterDrop;
import no.dialog.core.run.LetterItems;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunFileMaker;
import no.dialog.core.run.RunFileStore;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunOutput;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.time.OsloTime;

/**
 * Writes a letter run for 21Grams: one PDF per person ({@code 0001.pdf}, {@code 0002.pdf} … in the run's
 * key order, so a resumed close writes the same names) and then the manifest {@code manifest.csv}
 * (file, recipientName, postcode, city, country, pages, key, kid), into the tenant's {@link LetterDrop}.
 * The manifest's download link is the run's file in the admin API.
 *
 * <p>Tenant setting read here: {@code letter.senderAddress}, the organisation's postal address printed under
 * its name (lines separated by {@code |} or a newline); the tenant's name is the first sender line.
 */
public final class LetterRunMaker implements RunFileMaker {

    public static final String MANIFEST = LetterDrop.MANIFEST;
    public static final String SENDER_ADDRESS_SETTING = "letter.senderAddress";

    private final TenantDirectory tenants;
    private final LetterDrop drop;
    private final RunFileStore files;
    private final LetterPdf pdf = new LetterPdf();

    public LetterRunMaker(TenantDirectory tenants, LetterDrop drop, RunFileStore files) {
        this.tenants = Objects.requireNonNull(tenants);
        this.drop = Objects.requireNonNull(drop);
        this.files = Objects.requireNonNull(files);
    }

    @Override
    public SendChannel channel() {
        return SendChannel.LETTER;
    }

    @Override
    public RunOutput make(Run run, List<RunItem> items, Instant now) {
        Tenant tenant = tenants.find(run.ref().tenant())
                .orElseThrow(() -> new IllegalStateException("run of an unknown tenant " + run.ref().tenant()));
        List<String> sender = senderLines(tenant);
        LocalDate date = LocalDate.ofInstant(now, OsloTime.ZONE);
        CsvWriter manifest = CsvWriter.forMachines(List.of("file", "recipientName", "postcode", "city", "country",
                "pages", "key", "kid"));
        int number = 0;
        for (RunItem item : items) {
            number++;
            String fileName = String.format("%04d.pdf", number);
            LetterPdf.Rendered letter = pdf.render(letter(item, sender, date));
            drop.drop(run.ref(), fileName, letter.pdf(), "application/pdf");
            manifest.row(List.of(fileName, item.field("name"), item.field("postcode"), item.field("city"),
                    item.field("country"), Integer.toString(letter.pages()), item.key(), item.field(LetterItems.KID)));
        }
        String manifestKey = drop.drop(run.ref(), MANIFEST, manifest.toBytes(), "text/csv; charset=utf-8");
        RunFile file = files.describe(manifestKey, MANIFEST, "text/csv; charset=utf-8");
        return RunOutput.written(List.of(file), items.size(), 0);
    }

    /** The letter for one item; also used for print runs (without a giro). */
    static Letter letter(RunItem item, List<String> sender, LocalDate date) {
        Letter.Giro giro = item.field(LetterItems.KID).isEmpty() ? null
                : new Letter.Giro(item.field(LetterItems.GIRO_ACCOUNT), item.field(LetterItems.KID));
        return new Letter(sender, recipientLines(item), date, item.field(LetterItems.TEXT), giro);
    }

    public static List<String> senderLines(Tenant tenant) {
        List<String> lines = new ArrayList<>();
        lines.add(tenant.name() == null || tenant.name().isBlank() ? tenant.id().value() : tenant.name());
        tenant.setting(SENDER_ADDRESS_SETTING).ifPresent(address -> {
            for (String line : address.split("[|\\n]")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
        });
        return lines;
    }

    /** Name, street lines, "postcode city", and the country when it is not Norway. */
    public static List<String> recipientLines(RunItem item) {
        List<String> lines = new ArrayList<>();
        lines.add(item.field("name"));
        for (String street : item.field("street").split("\\n")) {
            if (!street.isBlank()) {
                lines.add(street.strip());
            }
        }
        lines.add((item.field("postcode") + " " + item.field("city")).strip());
        String country = item.field("country");
        if (!country.isBlank() && !country.equalsIgnoreCase("NO")) {
            lines.add(country);
        }
        return lines.size() > LetterPdf.MAX_ADDRESS_LINES ? lines.subList(0, LetterPdf.MAX_ADDRESS_LINES) : lines;
    }
}
