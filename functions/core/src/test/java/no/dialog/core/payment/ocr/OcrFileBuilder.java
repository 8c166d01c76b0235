package no.dialog.core.payment.ocr;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes Nets OCR giro files for tests: by default exactly as the specification says (80-character records,
 * totals and record counts right), with knobs that break one thing at a time so a test can name the line
 * and reason the parser must give. A KID is written as given: a wrong check digit is not a file error.
 */
public final class OcrFileBuilder {

    public static final String NETS_ID = "00008080";
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMyy");

    private final String transmissionNumber;
    private final LocalDate date;
    private final List<Assignment> assignments = new ArrayList<>();
    private String dataRecipient = "00123456";
    private long transmissionSumDelta;
    private long transmissionRecordDelta;
    private boolean missingEnd;

    public OcrFileBuilder(String transmissionNumber, LocalDate date) {
        this.transmissionNumber = Objects.requireNonNull(transmissionNumber);
        this.date = Objects.requireNonNull(date);
    }

    public OcrFileBuilder dataRecipient(String recipient) {
        this.dataRecipient = recipient;
        return this;
    }

    /** An OCR giro assignment (service code 09) to the account. */
    public Assignment assignment(String assignmentNumber, String account) {
        Assignment assignment = new Assignment(OcrServiceCode.OCR_GIRO, assignmentNumber, account);
        assignments.add(assignment);
        return assignment;
    }

    /** An AvtaleGiro assignment (service code 21) to the account. */
    public Assignment avtaleGiroAssignment(String assignmentNumber, String account) {
        Assignment assignment = new Assignment(OcrServiceCode.AVTALEGIRO, assignmentNumber, account);
        assignments.add(assignment);
        return assignment;
    }

    /** Breaks the sum in record 89 by {@code delta} øre. */
    public OcrFileBuilder transmissionSumOff(long delta) {
        transmissionSumDelta = delta;
        return this;
    }

    /** Breaks the record count in record 89. */
    public OcrFileBuilder transmissionRecordCountOff(long delta) {
        transmissionRecordDelta = delta;
        return this;
    }

    /** Leaves out record 89. */
    public OcrFileBuilder withoutEnd() {
        missingEnd = true;
        return this;
    }

    /** The records, without line endings. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(fixed("NY000010" + NETS_ID + transmissionNumber + dataRecipient, '0'));
        long transactions = 0;
        long sum = 0;
        for (Assignment assignment : assignments) {
            assignment.write(lines, date);
            transactions += assignment.payments.size();
            sum += assignment.sum();
        }
        if (!missingEnd) {
            long records = lines.size() + 1 + transmissionRecordDelta;
            lines.add(fixed("NY000089" + n(transactions, 8) + n(records, 8) + n(sum + transmissionSumDelta, 17)
                    + date.format(DDMMYY), '0'));
        }
        return lines;
    }

    /** The file in ISO-8859-1 with CRLF line endings, as Nets sends it. */
    public byte[] bytes() {
        return bytes("\r\n");
    }

    public byte[] bytes(String lineEnd) {
        return String.join(lineEnd, lines()).concat(lineEnd).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The 1-based line of the payment's record 30. */
    public int lineOf(Payment payment) {
        lines();
        return payment.line;
    }

    /** The 1-based line of the assignment's record 88. */
    public int endLineOf(Assignment assignment) {
        lines();
        return assignment.endLine;
    }

    public int lastLine() {
        return lines().size();
    }

    /** An assignment being written. */
    public final class Assignment {
        private final OcrServiceCode service;
        private final String number;
        private final String account;
        private final List<Payment> payments = new ArrayList<>();
        private long sumDelta;
        private long recordDelta;
        private long transactionDelta;
        private int endLine;

        private Assignment(OcrServiceCode service, String number, String account) {
            this.service = service;
            this.number = number;
            this.account = account;
        }

        /** A payment of the transaction type, for {@code amountOre}, with the KID (null: none). */
        public Payment payment(String transactionType, long amountOre, String kid) {
            Payment payment = new Payment(this, transactionType, amountOre, kid);
            payments.add(payment);
            return payment;
        }

        public Assignment sumOff(long delta) {
            sumDelta = delta;
            return this;
        }

        public Assignment recordCountOff(long delta) {
            recordDelta = delta;
            return this;
        }

        public Assignment transactionCountOff(long delta) {
            transactionDelta = delta;
            return this;
        }

        public OcrFileBuilder file() {
            return OcrFileBuilder.this;
        }

        long sum() {
            return payments.stream().mapToLong(p -> p.reversal ? -p.amountOre : p.amountOre).sum();
        }

        void write(List<String> lines, LocalDate fileDate) {
            int start = lines.size();
            lines.add(fixed("NY" + service.code() + "0020" + "001234567" + number + account, '0'));
            for (int i = 0; i < payments.size(); i++) {
                payments.get(i).write(lines, i + 1, fileDate);
            }
            long records = lines.size() - start + 1 + recordDelta;
            LocalDate first = payments.stream().map(p -> p.dateOr(fileDate)).min(Comparator.naturalOrder()).orElse(null);
            LocalDate last = payments.stream().map(p -> p.dateOr(fileDate)).max(Comparator.naturalOrder()).orElse(null);
            String dates = service == OcrServiceCode.OCR_GIRO
                    ? fileDate.format(DDMMYY) + date(first) + date(last)
                    : date(first) + date(last);
            lines.add(fixed("NY" + service.code() + "0088" + n(payments.size() + transactionDelta, 8) + n(records, 8)
                    + n(sum() + sumDelta, 17) + dates, '0'));
            endLine = lines.size();
        }
    }

    /** A payment being written (records 30, 31 and, with a message, 32). */
    public final class Payment {
        private final Assignment assignment;
        private final String type;
        private final long amountOre;
        private final String kid;
        private LocalDate date;
        private String debitAccount = "00000000000";
        private String message;
        private String payerShortName;
        private boolean reversal;
        private String recordTypeOf31 = "31";
        private boolean shortLine;
        private String amountField;
        private int line;

        private Payment(Assignment assignment, String type, long amountOre, String kid) {
            this.assignment = assignment;
            this.type = type;
            this.amountOre = amountOre;
            this.kid = kid;
        }

        public Payment date(LocalDate settled) {
            this.date = settled;
            return this;
        }

        public Payment debitAccount(String account) {
            this.debitAccount = account;
            return this;
        }

        /** A message in record 32 (only right for transaction types 20 and 21). */
        public Payment message(String text) {
            this.message = text;
            return this;
        }

        public Payment payerShortName(String name) {
            this.payerShortName = name;
            return this;
        }

        /** Sign "-". */
        public Payment reversal() {
            this.reversal = true;
            return this;
        }

        /** Writes its record 31 with another record type. */
        public Payment recordTypeOf31(String recordType) {
            this.recordTypeOf31 = recordType;
            return this;
        }

        /** Cuts the last character off its record 30. */
        public Payment shortLine() {
            this.shortLine = true;
            return this;
        }

        /** Writes the 17 characters as the amount field of record 30. */
        public Payment amountField(String field) {
            this.amountField = field;
            return this;
        }

        public Assignment assignment() {
            return assignment;
        }

        LocalDate dateOr(LocalDate fileDate) {
            return date == null ? fileDate : date;
        }

        void write(List<String> lines, int number, LocalDate fileDate) {
            String service = assignment.service.code();
            String transaction = n(number, 7);
            String head = "NY" + service + type;
            String settled = dateOr(fileDate).format(DDMMYY);
            String amount = amountField != null ? amountField : n(amountOre, 17);
            String kidField = String.format("%25s", kid == null ? "" : kid);
            String item1;
            String item2;
            if (assignment.service == OcrServiceCode.OCR_GIRO) {
                String settlement = "02" + settled.substring(0, 2) + "1" + n(number, 5) + (reversal ? "-" : "0");
                item1 = fixed(head + "30" + transaction + settled + settlement + amount + kidField, '0');
                item2 = fixed(head + recordTypeOf31 + transaction + "9" + n(number, 9) + n(100_000_000L + number, 9)
                        + "0000000" + settled + debitAccount, '0');
            } else {
                item1 = fixed(head + "30" + transaction + settled + " ".repeat(11) + amount + kidField, '0');
                item2 = fixed(head + recordTypeOf31 + transaction + pad(payerShortName, 10) + " ".repeat(25)
                        + pad("ref-" + number, 25), '0');
            }
            line = lines.size() + 1;
            lines.add(shortLine ? item1.substring(0, 79) : item1);
            lines.add(item2);
            if (message != null) {
                lines.add(fixed(head + "32" + transaction + pad(message, 40), '0'));
            }
        }
    }

    private static String date(LocalDate date) {
        return date == null ? "000000" : date.format(DDMMYY);
    }

    private static String n(long value, int width) {
        String text = Long.toString(value);
        if (text.length() > width) {
            throw new IllegalArgumentException(value + " does not fit " + width + " digits");
        }
        return "0".repeat(width - text.length()) + text;
    }

    private static String pad(String text, int width) {
        String value = text == null ? "" : text;
        return value.length() >= width ? value.substring(0, width) : value + " ".repeat(width - value.length());
    }

    private static String fixed(String start, char filler) {
        if (start.length() > 80) {
            throw new IllegalStateException("a record longer than 80 characters: " + start.length());
        }
        return start + String.valueOf(filler).repeat(80 - start.length());
    }
}
