package no.dialog.core.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Writes the CSV files of runs: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote or line
 * break; quotes doubled), UTF-8, with a byte order mark when the file is for people (print files and call
 * lists are opened in Excel, which reads UTF-8 as Windows-1252 without one) and without for machines
 * (the letter drop's manifest).
 *
 * <p>A cell that a spreadsheet would run as a formula ({@code =}, {@code @}, a tab or CR first, or
 * {@code +}/{@code -} not followed by a digit) gets a leading apostrophe. {@code +4791234567} and
 * {@code -150} stay as they are.
 */
public final class CsvWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder text = new StringBuilder();
    private final boolean bom;
    private final int columns;

    private CsvWriter(List<String> header, boolean bom) {
        this.bom = bom;
        this.columns = header.size();
        row(header);
    }

    /** A file for people (with BOM). */
    public static CsvWriter forPeople(List<String> header) {
        return new CsvWriter(header, true);
    }

    /** A file for machines (no BOM). */
    public static CsvWriter forMachines(List<String> header) {
        return new CsvWriter(header, false);
    }

    /** @throws IllegalArgumentException if the row has another number of cells than the header */
    public CsvWriter row(List<String> cells) {
        Objects.requireNonNull(cells, "cells");
        if (cells.size() != columns) {
            throw new IllegalArgumentException("CSV row has " + cells.size() + " cells, the header " + columns);
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(BOM);
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static String cell(String value) {
        String cell = value == null ? "" : value;
        if (formulaLike(cell)) {
            cell = "'" + cell;
        }
        boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static boolean formulaLike(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        if (first == '+' || first == '-') {
            return cell.length() == 1 || !Character.isDigit(cell.charAt(1));
        }
        return false;
    }
}
