package no.dialog.providers.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.run.CsvWriter;
import no.dialog.core.run.PrintItems;
import no.dialog.core.run.Run;
import no.dialog.core.run.RunFile;
import no.dialog.core.run.RunFileMaker;
import no.dialog.core.run.RunFileStore;
import no.dialog.core.run.RunItem;
import no.dialog.core.run.RunOutput;
import no.dialog.core.template.MergeFields;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantDirectory;
import no.dialog.core.time.OsloTime;
import no.dialog.providers.letter.Letter;
import no.dialog.providers.letter.LetterPdf;
import no.dialog.providers.letter.LetterRunMaker;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Writes a print run for a printer: {@code print.csv} (one row per person; columns key, contactId, name,
 * street, postcode, city, country, every merge field, the organisation's fields as {@code attributes.<key>}
 * and the rendered {@code text}) and {@code print.pdf} (every person's letter, merged, in the same order),
 * each with a time-limited download link.
 */
public final class PrintRunMaker implements RunFileMaker {

    public static final String CSV = "print.csv";
    public static final String PDF = "print.pdf";
    private static final List<String> PERSON = List.of("name", "street", "postcode", "city", "country");

    private final TenantDirectory tenants;
    private final RunFileStore files;
    private final LetterPdf pdf = new LetterPdf();

    public PrintRunMaker(TenantDirectory tenants, RunFileStore files) {
        this.tenants = Objects.requireNonNull(tenants);
        this.files = Objects.requireNonNull(files);
    }

    @Override
    public SendChannel channel() {
        return SendChannel.PRINT;
    }

    @Override
    public RunOutput make(Run run, List<RunItem> items, Instant now) {
        Tenant tenant = tenants.find(run.ref().tenant())
                .orElseThrow(() -> new IllegalStateException("run of an unknown tenant " + run.ref().tenant()));
        RunFile csv = files.put(run.ref(), CSV, csv(items), "text/csv; charset=utf-8");
        RunFile merged = files.put(run.ref(), PDF, mergedPdf(items, tenant, LocalDate.ofInstant(now, OsloTime.ZONE)),
                "application/pdf");
        return RunOutput.written(List.of(csv, merged), items.size(), 0);
    }

    static byte[] csv(List<RunItem> items) {
        List<String> columns = new ArrayList<>(List.of("key", "contactId"));
        columns.addAll(PERSON);
        for (String name : MergeFields.NAMES) {
            if (!name.equals(MergeFields.ATTRIBUTES) && !name.equals(MergeFields.KID)) {
                columns.add(name);
            }
        }
        TreeSet<String> attributes = new TreeSet<>();
        items.forEach(item -> item.fields().keySet().stream()
                .filter(name -> name.startsWith(PrintItems.ATTRIBUTE_PREFIX)).forEach(attributes::add));
        columns.addAll(attributes);
        columns.add(PrintItems.TEXT);
        CsvWriter writer = CsvWriter.forPeople(columns);
        for (RunItem item : items) {
            List<String> row = new ArrayList<>(List.of(item.key(), item.contactId()));
            for (String column : columns.subList(2, columns.size())) {
                row.add(item.field(column));
            }
            writer.row(row);
        }
        return writer.toBytes();
    }

    private byte[] mergedPdf(List<RunItem> items, Tenant tenant, LocalDate date) {
        List<String> sender = LetterRunMaker.senderLines(tenant);
        try (PDDocument document = new PDDocument()) {
            for (RunItem item : items) {
                pdf.appendTo(document, new Letter(sender, LetterRunMaker.recipientLines(item), date,
                        item.field(PrintItems.TEXT), null));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the print PDF could not be written", e);
        }
    }
}
