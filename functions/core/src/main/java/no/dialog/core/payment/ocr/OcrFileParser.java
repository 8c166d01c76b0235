package no.dialog.core.payment.ocr;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Nets OCR giro file (ISO-8859-1, fixed 80-character records starting with {@code NY}, lines ended
 * by CRLF or LF) following Nets' OCR giro system specification:
 * <pre>
 *   10 start of transmission
 *     20 start of assignment (service code 09 OCR giro or 21 AvtaleGiro, assignment type 00)
 *       30 amount item 1, 31 amount item 2 [, 32 amount item 3 for free-text transactions 20 and 21]
 *       …
 *     88 end of assignment: transactions, records (20 and 88 included), sum, dates
 *     …
 *   89 end of transmission: transactions, records (10 and 89 included), sum, date
 * </pre>
 * Every field is checked for its format and every total in the end records against what the file holds.
 * A file with any error is rejected whole: the {@link Result} then holds every error found (line and
 * reason), and no transmission. One wrong record does not stop the checks of the others: a wrong record 88
 * leaves record 89 checked against the transactions themselves, a wrong KID or date in a record 30 leaves
 * the totals checked, and every line's fields are checked whatever came before. Only what an earlier error
 * makes unknowable is left out, since it would only repeat that error: after an unreadable line or records
 * out of order, the counts and sums of its assignment and of the transmission; after an unreadable amount,
 * the sums; after an unreadable date, the first and last dates of its record 88. Fillers are not checked:
 * Nets has put data in some of them in newer versions, and a reader that refused them would refuse good
 * files. Sums are net: a transaction with sign "-" (a reversal) counts negative.
 */
public final class OcrFileParser {

    static final Set<String> FREE_TEXT_TYPES = Set.of("20", "21");
    private static final Set<String> AVTALEGIRO_TYPES = Set.of("02", "21", "93");

    /** Either the transmission (no errors) or the errors (no transmission). */
    public record Result(OcrTransmission transmission, List<OcrError> errors) {

        public Result {
            errors = List.copyOf(errors);
            if ((transmission == null) == errors.isEmpty()) {
                throw new IllegalArgumentException("a result has a transmission or errors, not both or neither");
            }
        }

        public boolean ok() {
            return transmission != null;
        }
    }

    public Result parse(byte[] content) {
        Objects.requireNonNull(content, "content");
        return new Reading(lines(content)).read();
    }

    /** The lines without their CRLF or LF; a final line ending does not make an empty last line. */
    static List<String> lines(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    /** One pass over one file. */
    private static final class Reading {

        private final List<String> lines;
        private final List<OcrError> errors = new ArrayList<>();
        private final List<OcrAssignment> assignments = new ArrayList<>();
        private final Set<String> assignmentNumbers = new HashSet<>();
        private String dataSender;
        private String transmissionNumber;
        private String dataRecipient;
        private LocalDate netsDate;
        private boolean started;
        private boolean ended;
        private long records;
        private AssignmentBuilder assignment;
        /** What record 89 is checked against: every record 30 of the file, in good assignments or not. */
        private long transactionLines;
        private long contentSum;
        /** False once the shape of the file (which records are there, in which order) is no longer known. */
        private boolean shapeKnown = true;
        /** False once an amount could not be read (or read at a known position). */
        private boolean amountsKnown = true;

        Reading(List<String> lines) {
            this.lines = lines;
        }

        Result read() {
            if (lines.isEmpty()) {
                errors.add(new OcrError(1, "the file is empty"));
            }
            for (int i = 0; i < lines.size(); i++) {
                line(i + 1, lines.get(i));
            }
            if (!lines.isEmpty() && !ended && errors.isEmpty()) {
                errors.add(new OcrError(lines.size(), "the file ends without record 89 (end of transmission)"));
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(OcrError::line));
                return new Result(null, errors);
            }
            return new Result(new OcrTransmission(dataSender, transmissionNumber, dataRecipient, netsDate, assignments),
                    List.of());
        }

        private void line(int number, String text) {
            if (ended) {
                errors.add(new OcrError(number, "a record after record 89 (end of transmission)"));
                return;
            }
            records++;
            if (text.length() != OcrRecord.LENGTH) {
                lost(number, "a record must be " + OcrRecord.LENGTH + " characters, was " + text.length());
                return;
            }
            if (!text.startsWith("NY")) {
                lost(number, "a record must start with NY (format code)");
                return;
            }
            OcrRecord record = new OcrRecord(number, text, errors);
            String type = record.recordType();
            if (!started && !"10".equals(type)) {
                lost(number, "the file must start with record 10 (start of transmission)");
                started = true;
                return;
            }
            switch (type) {
                case "10" -> transmissionStart(record);
                case "20" -> assignmentStart(record);
                case "30" -> amountItem1(record);
                case "31" -> amountItem2(record);
                case "32" -> amountItem3(record);
                case "88" -> assignmentEnd(record);
                case "89" -> transmissionEnd(record);
                default -> lost(number, "unknown record type '" + printable(type) + "' (positions 7-8)");
            }
        }

        /** An unreadable line: what it was is unknown, so the counts and sums around it can no longer be checked. */
        private void lost(int number, String reason) {
            errors.add(new OcrError(number, reason));
            shapeUnknown(assignment);
            amountsKnown = false;
            if (assignment != null) {
                assignment.amountsKnown = false;
                assignment.records++;
            }
        }

        /** Records missing or out of order: the counts (and so the sums) of the assignment and the file are off. */
        private void shapeUnknown(AssignmentBuilder in) {
            shapeKnown = false;
            if (in != null) {
                in.dirty = true;
                in.shapeKnown = false;
            }
        }

        private void transmissionStart(OcrRecord record) {
            if (started) {
                record.fail("a second record 10 (start of transmission)");
                shapeUnknown(assignment);
                return;
            }
            started = true;
            expect(record, record.serviceCode(), "00", "service code (positions 3-4)");
            expect(record, record.subType(), "00", "transmission type (positions 5-6)");
            dataSender = record.digits(9, 16, "data sender");
            transmissionNumber = record.digits(17, 23, "transmission number");
            dataRecipient = record.digits(24, 31, "data recipient");
        }

        private void assignmentStart(OcrRecord record) {
            if (assignment != null) {
                if (assignment.shapeKnown) {
                    record.fail("record 20 (start of assignment) before record 88 ended the assignment of line "
                            + assignment.line);
                }
                shapeUnknown(assignment);
                assignment = null;
            }
            Optional<OcrServiceCode> service = OcrServiceCode.of(record.serviceCode());
            if (service.isEmpty()) {
                record.fail("service code (positions 3-4) must be 09 (OCR giro) or 21 (AvtaleGiro), was '"
                        + printable(record.serviceCode()) + "'");
            }
            expect(record, record.subType(), "00", "assignment type (positions 5-6)");
            String agreementId = record.digits(9, 17, "agreement id");
            String assignmentNumber = record.digits(18, 24, "assignment number");
            String account = record.digits(25, 35, "assignment account");
            if (assignmentNumber != null && !assignmentNumbers.add(assignmentNumber)) {
                record.fail("assignment number (positions 18-24) is used twice in the transmission");
            }
            assignment = new AssignmentBuilder(record.line(), service.orElse(null), record.subType(), agreementId,
                    assignmentNumber, account);
            assignment.dirty = record.broken();
            if (service.isEmpty()) {
                // Where the fields of its transactions lie depends on the service: their amounts are unknown.
                shapeUnknown(assignment);
                amountsKnown = false;
                assignment.amountsKnown = false;
            }
        }

        private void amountItem1(OcrRecord record) {
            AssignmentBuilder in = within(record, "30");
            if (in == null) {
                return;
            }
            if (in.open != null && in.open.stage == 1) {
                structure(in, record, "record 30 where record 31 of the transaction of line " + in.open.line
                        + " was expected");
            }
            in.finishOpen();
            TransactionBuilder transaction = new TransactionBuilder(record.line());
            transaction.type = transactionType(in, record);
            transaction.number = record.digits(9, 15, "transaction number");
            transaction.date = record.date(16, "nets date");
            boolean amountRead;
            if (in.service == OcrServiceCode.AVTALEGIRO) {
                long amount = record.number(33, 49, "amount");
                transaction.amount = amount;
                amountRead = amount >= 0;
            } else {
                String centre = record.digits(22, 23, "centre id");
                String dayCode = record.digits(24, 25, "day code");
                String partial = record.digits(26, 26, "partial settlement number");
                String serial = record.digits(27, 31, "serial number");
                transaction.settlement = new OcrPayment.Settlement(centre, dayCode, partial, serial);
                String sign = record.raw(32, 32);
                boolean signRead = "0".equals(sign) || "-".equals(sign);
                if (!signRead) {
                    record.fail("sign (position 32) must be 0 or -");
                }
                long amount = record.number(33, 49, "amount");
                transaction.amount = "-".equals(sign) ? -amount : amount;
                amountRead = signRead && amount >= 0;
            }
            in.transactionLines++;
            transactionLines++;
            if (amountRead) {
                in.contentSum += transaction.amount;
                contentSum += transaction.amount;
            } else {
                in.amountsKnown = false;
                amountsKnown = false;
            }
            in.date(transaction.date);
            transaction.kid = record.kid(50, 74);
            if (transaction.number != null && !in.transactionNumbers.add(transaction.number)) {
                record.fail("transaction number (positions 9-15) is used twice in the assignment");
            }
            in.open = transaction;
            in.dirty |= record.broken();
        }

        private void amountItem2(OcrRecord record) {
            AssignmentBuilder in = within(record, "31");
            if (in == null) {
                return;
            }
            TransactionBuilder transaction = in.open;
            String type = record.subType();
            String number = record.digits(9, 15, "transaction number");
            if (in.service == OcrServiceCode.AVTALEGIRO) {
                String shortName = record.text(16, 25);
                String externalReference = record.text(51, 75);
                if (transaction != null) {
                    transaction.payerShortName = shortName;
                    transaction.externalReference = externalReference;
                }
            } else {
                String formNumber = record.digits(16, 25, "form number");
                String archiveReference = record.digits(26, 34, "archive reference");
                LocalDate bankDate = record.optionalDate(42, "bank date");
                String debitAccount = record.optionalDigits(48, 58, "debit account");
                if (transaction != null) {
                    transaction.formNumber = formNumber;
                    transaction.archiveReference = archiveReference;
                    transaction.bankDate = bankDate;
                    transaction.debitAccount = debitAccount;
                }
            }
            in.dirty |= record.broken();
            if (transaction == null || transaction.stage != 1) {
                structure(in, record, "record 31 must follow the record 30 of its transaction");
            } else if (!Objects.equals(number, transaction.number) || !type.equals(transaction.type)) {
                structure(in, record, "record 31 has another transaction number or type than the record 30 of line "
                        + transaction.line);
            }
            if (transaction != null) {
                transaction.stage = 2;
            }
        }

        private void amountItem3(OcrRecord record) {
            AssignmentBuilder in = within(record, "32");
            if (in == null) {
                return;
            }
            TransactionBuilder transaction = in.open;
            String number = record.digits(9, 15, "transaction number");
            String message = record.text(16, 55);
            in.dirty |= record.broken();
            if (transaction == null || transaction.stage != 2) {
                structure(in, record, "record 32 must follow the record 31 of its transaction");
            } else if (!Objects.equals(number, transaction.number) || !record.subType().equals(transaction.type)) {
                structure(in, record, "record 32 has another transaction number or type than the record 30 of line "
                        + transaction.line);
            } else if (in.service != OcrServiceCode.OCR_GIRO || !FREE_TEXT_TYPES.contains(transaction.type)) {
                structure(in, record, "record 32 (amount item 3) belongs only to OCR giro transaction types 20 and 21");
            }
            if (transaction != null) {
                transaction.message = message;
                transaction.stage = 3;
            }
        }

        private void assignmentEnd(OcrRecord record) {
            AssignmentBuilder in = within(record, "88");
            if (in == null) {
                return;
            }
            assignment = null;
            if (in.open != null && in.open.stage == 1 && in.shapeKnown) {
                record.fail("record 88 where record 31 of the transaction of line " + in.open.line + " was expected");
                shapeUnknown(in);
            }
            in.finishOpen();
            long transactions = record.number(9, 16, "number of transactions");
            long recordCount = record.number(17, 24, "number of records");
            long sum = record.number(25, 41, "sum amount");
            LocalDate date = null;
            LocalDate first;
            LocalDate last;
            int errorsBeforeDates = errors.size();
            if (in.service == OcrServiceCode.AVTALEGIRO) {
                first = record.optionalDate(42, "first due date");
                last = record.optionalDate(48, "last due date");
            } else {
                int beforeDate = errors.size();
                date = record.date(42, "nets date");
                errorsBeforeDates += errors.size() - beforeDate; // the nets date is not one of first and last
                first = record.optionalDate(48, "first date");
                last = record.optionalDate(54, "last date");
            }
            boolean datesRead = errors.size() == errorsBeforeDates;
            if (!record.subType().equals(in.assignmentType)) {
                record.fail("assignment type (positions 5-6) differs from record 20 of line " + in.line);
            }
            in.dirty |= record.broken();
            assignmentTotals(in, record, transactions, recordCount, sum);
            if (datesRead && in.datesKnown && in.shapeKnown
                    && (!Objects.equals(first, in.earliest) || !Objects.equals(last, in.latest))) {
                record.fail("first and last date of record 88 are not the earliest and latest date of its transactions");
            }
            in.dirty |= record.broken();
            if (!in.dirty) {
                assignments.add(in.build(date, first, last));
            }
        }

        /** Record 88's totals against the assignment's records, each as far as it can be known (-1: unreadable). */
        private void assignmentTotals(AssignmentBuilder in, OcrRecord record, long transactions, long recordCount,
                                      long sum) {
            if (!in.shapeKnown) {
                return;
            }
            if (transactions >= 0 && transactions != in.transactionLines) {
                record.fail("number of transactions (positions 9-16) is " + transactions + ", the assignment has "
                        + in.transactionLines);
            }
            if (recordCount >= 0 && recordCount != in.records) {
                record.fail("number of records (positions 17-24) is " + recordCount + ", the assignment has " + in.records
                        + " (records 20 to 88)");
            }
            if (sum >= 0 && in.amountsKnown && sum != in.contentSum) {
                record.fail("sum amount (positions 25-41) does not match the amounts of the assignment");
            }
        }

        private void transmissionEnd(OcrRecord record) {
            if (assignment != null) {
                if (assignment.shapeKnown) {
                    record.fail("record 89 (end of transmission) before record 88 ended the assignment of line "
                            + assignment.line);
                }
                shapeUnknown(assignment);
                assignment = null;
            }
            ended = true;
            expect(record, record.serviceCode(), "00", "service code (positions 3-4)");
            expect(record, record.subType(), "00", "transmission type (positions 5-6)");
            long transactions = record.number(9, 16, "number of transactions");
            long recordCount = record.number(17, 24, "number of records");
            long sum = record.number(25, 41, "sum amount");
            netsDate = record.date(42, "nets date");
            // Against the transactions themselves, not the records 88: a wrong record 88 does not hide a wrong 89.
            if (!shapeKnown) {
                return;
            }
            if (transactions >= 0 && transactions != transactionLines) {
                record.fail("number of transactions (positions 9-16) is " + transactions + ", the transmission has "
                        + transactionLines);
            }
            if (recordCount >= 0 && recordCount != records) {
                record.fail("number of records (positions 17-24) is " + recordCount + ", the transmission has " + records
                        + " (records 10 to 89)");
            }
            if (sum >= 0 && amountsKnown && sum != contentSum) {
                record.fail("sum amount (positions 25-41) does not match the amounts of the transmission");
            }
        }

        /** The assignment a transaction record or record 88 belongs to, or null (and an error). */
        private AssignmentBuilder within(OcrRecord record, String type) {
            if (assignment == null) {
                record.fail("record " + type + " outside an assignment (no record 20 before it)");
                shapeUnknown(null);
                amountsKnown = false;
                return null;
            }
            assignment.records++;
            if (!record.serviceCode().equals(assignment.service == null ? null : assignment.service.code())) {
                record.fail("service code (positions 3-4) differs from record 20 of line " + assignment.line);
            }
            return assignment;
        }

        private String transactionType(AssignmentBuilder in, OcrRecord record) {
            String type = record.digits(5, 6, "transaction type");
            if (type == null || in.service == null) {
                return type;
            }
            boolean known = in.service == OcrServiceCode.OCR_GIRO
                    ? Integer.parseInt(type) >= 10 && Integer.parseInt(type) <= 21
                    : AVTALEGIRO_TYPES.contains(type);
            if (!known) {
                record.fail("transaction type (positions 5-6) '" + type + "' is not one of "
                        + (in.service == OcrServiceCode.OCR_GIRO ? "OCR giro's (10-21)" : "AvtaleGiro's (02, 21, 93)"));
            }
            return type;
        }

        /** Records out of order: said once per assignment, after which its counts and sums are unknown. */
        private void structure(AssignmentBuilder in, OcrRecord record, String reason) {
            if (in.shapeKnown) {
                record.fail(reason);
            }
            shapeUnknown(in);
        }

        private static void expect(OcrRecord record, String value, String expected, String field) {
            if (!expected.equals(value)) {
                record.fail(field + " must be " + expected);
            }
        }

        /** A code from the file, safe to repeat in a reason (two characters, never personal data). */
        private static String printable(String code) {
            return code.replaceAll("[^0-9A-Za-z ]", "?");
        }
    }

    /** An assignment while its lines are read. */
    private static final class AssignmentBuilder {
        final int line;
        final OcrServiceCode service;
        final String assignmentType;
        final String agreementId;
        final String assignmentNumber;
        final String account;
        final List<OcrPayment> payments = new ArrayList<>();
        final Set<String> transactionNumbers = new HashSet<>();
        long records = 1;
        /** Any error in the assignment: it is not built. */
        boolean dirty;
        /** Which records are there and in which order is known (none unreadable or out of order). */
        boolean shapeKnown = true;
        boolean amountsKnown = true;
        boolean datesKnown = true;
        long transactionLines;
        long contentSum;
        LocalDate earliest;
        LocalDate latest;
        TransactionBuilder open;

        AssignmentBuilder(int line, OcrServiceCode service, String assignmentType, String agreementId,
                          String assignmentNumber, String account) {
            this.line = line;
            this.service = service;
            this.assignmentType = assignmentType;
            this.agreementId = agreementId;
            this.assignmentNumber = assignmentNumber;
            this.account = account;
        }

        void finishOpen() {
            if (open != null && !dirty) {
                payments.add(open.build());
            }
            open = null;
        }

        /** Takes a transaction's date into the earliest and latest; null: unreadable. */
        void date(LocalDate date) {
            if (date == null) {
                datesKnown = false;
                return;
            }
            earliest = earliest == null || date.isBefore(earliest) ? date : earliest;
            latest = latest == null || date.isAfter(latest) ? date : latest;
        }

        OcrAssignment build(LocalDate netsDate, LocalDate first, LocalDate last) {
            return new OcrAssignment(line, service, assignmentType, agreementId, assignmentNumber, account, netsDate,
                    first, last, payments);
        }
    }

    /** A transaction while its records 30–32 are read. */
    private static final class TransactionBuilder {
        final int line;
        int stage = 1;
        String type;
        String number;
        LocalDate date;
        OcrPayment.Settlement settlement;
        long amount;
        String kid;
        String formNumber;
        String archiveReference;
        LocalDate bankDate;
        String debitAccount;
        String message;
        String payerShortName;
        String externalReference;

        TransactionBuilder(int line) {
            this.line = line;
        }

        OcrPayment build() {
            return new OcrPayment(line, type, number, date, settlement, amount, kid, formNumber, archiveReference,
                    bankDate, debitAccount, message, payerShortName, externalReference);
        }
    }
}
