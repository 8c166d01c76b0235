package no.dialog.core.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Takes rows out of a run's CSV file (as {@link CsvWriter} wrote it: RFC 4180, a header row, maybe a byte
 * order mark) and leaves every other byte as it was, so the file handed on is the one written, less those
 * rows. Used by erasure: a person's row leaves the manifest, print file or call list.
 */
public final class CsvRows {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRows() {}

    /**
     * The file without the rows whose {@code column} holds one of {@code values}.
     *
     * @param content what is left (the same array when no row was taken)
     * @param removed the rows taken, each as header name to cell (what the caller may still need, such as a
     *                letter's file name), in file order
     */
    public record Without(byte[] content, List<Map<String, String>> removed) {

        public boolean changed() {
            return !removed.isEmpty();
        }
    }

    /** @throws IllegalArgumentException when the file has no such column (not a file this class knows) */
    public static Without without(byte[] csv, String column, Set<String> values) {
        Objects.requireNonNull(csv, "csv");
        boolean bom = csv.length >= 3 && csv[0] == BOM[0] && csv[1] == BOM[1] && csv[2] == BOM[2];
        String text = new String(csv, bom ? 3 : 0, csv.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        List<Row> rows = rows(text);
        if (rows.isEmpty()) {
            return new Without(csv, List.of());
        }
        List<String> header = rows.get(0).cells();
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the CSV file has no column " + column);
        }
        StringBuilder kept = new StringBuilder(rows.get(0).raw());
        List<Map<String, String>> removed = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (index < row.cells().size() && values.contains(row.cells().get(index))) {
                Map<String, String> named = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < row.cells().size(); i++) {
                    named.put(header.get(i), row.cells().get(i));
                }
                removed.add(named);
            } else {
                kept.append(row.raw());
            }
        }
        if (removed.isEmpty()) {
            return new Without(csv, List.of());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(BOM);
        }
        out.writeBytes(kept.toString().getBytes(StandardCharsets.UTF_8));
        return new Without(out.toByteArray(), List.copyOf(removed));
    }

    /** One record: its text as written (with its line end) and its cells unquoted. */
    private record Row(String raw, List<String> cells) {}

    private static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
            } else if (c == '"') {
                quoted = true;
                i++;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                int end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(new Row(text.substring(start, end), List.copyOf(cells)));
                cells.clear();
                start = end;
                i = end;
            } else {
                cell.append(c);
                i++;
            }
        }
        if (start < text.length()) {
            cells.add(cell.toString());
            rows.add(new Row(text.substring(start), List.copyOf(cells)));
        }
        return rows;
    }
}
