package no.dialog.core.payment.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.payment.Kid;
import no.dialog.core.payment.KidLayout;
import no.dialog.core.payment.KidMethod;
import org.junit.jupiter.api.Test;

class OcrFileParserTest {

    private final OcrFileParser parser = new OcrFileParser();

    private OcrTransmission parsed(byte[] content) {
        OcrFileParser.Result result = parser.parse(content);
        assertThat(result.errors()).isEmpty();
        return result.transmission();
    }

    private List<OcrError> errors(byte[] content) {
        OcrFileParser.Result result = parser.parse(content);
        assertThat(result.ok()).isFalse();
        assertThat(result.transmission()).isNull();
        return result.errors();
    }

    @Test
    void theGoodFileGivesItsTransmissionAssignmentsAndPayments() {
        OcrTransmission transmission = parsed(OcrFixtures.load(OcrFixtures.GOOD_MOD10));

        assertThat(transmission.dataSender()).isEqualTo("00008080");
        assertThat(transmission.transmissionNumber()).isEqualTo("1000081");
        assertThat(transmission.dataRecipient()).isEqualTo("00123456");
        assertThat(transmission.netsDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(transmission.transactionCount()).isEqualTo(8);
        assertThat(transmission.totalAmountOre()).isEqualTo(230_000);
        assertThat(transmission.assignments()).hasSize(2);

        OcrAssignment gifts = transmission.assignments().get(0);
        assertThat(gifts.line()).isEqualTo(2);
        assertThat(gifts.serviceCode()).isEqualTo(OcrServiceCode.OCR_GIRO);
        assertThat(gifts.assignmentType()).isEqualTo("00");
        assertThat(gifts.agreementId()).isEqualTo("001234567");
        assertThat(gifts.assignmentNumber()).isEqualTo("0000001");
        assertThat(gifts.account()).isEqualTo(OcrFixtures.GIFT_ACCOUNT);
        assertThat(gifts.netsDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(gifts.firstDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(gifts.lastDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(gifts.payments()).hasSize(6);

        OcrPayment first = gifts.payments().get(0);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.transactionType()).isEqualTo("19");
        assertThat(first.transactionNumber()).isEqualTo("0000001");
        assertThat(first.netsDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(first.settlement()).isEqualTo(new OcrPayment.Settlement("02", "27", "1", "00001"));
        assertThat(first.amountOre()).isEqualTo(25_000);
        assertThat(first.kid()).isEqualTo("000000001000108");
        assertThat(first.formNumber()).isEqualTo("9000000001");
        assertThat(first.archiveReference()).isEqualTo("100000001");
        assertThat(first.bankDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(first.debitAccount()).isEqualTo(OcrFixtures.PAYER_ACCOUNT);
        assertThat(first.message()).isNull();
        assertThat(first.reversal()).isFalse();

        OcrPayment second = gifts.payments().get(1);
        assertThat(second.netsDate()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(second.debitAccount()).as("zeros mean no account").isNull();

        OcrPayment freeText = gifts.payments().get(2);
        assertThat(freeText.transactionType()).isEqualTo("21");
        assertThat(freeText.kid()).isNull();
        assertThat(freeText.message()).isEqualTo(OcrFixtures.MESSAGE);

        assertThat(gifts.payments().get(3).kid()).isEqualTo(OcrFixtures.FOREIGN_KID).hasSize(8);

        OcrAssignment invoices = transmission.assignments().get(1);
        assertThat(invoices.account()).isEqualTo(OcrFixtures.INVOICE_ACCOUNT);
        OcrPayment reversal = invoices.payments().get(1);
        assertThat(reversal.transactionType()).isEqualTo("18");
        assertThat(reversal.amountOre()).isEqualTo(-5_000);
        assertThat(reversal.reversal()).isTrue();
        assertThat(invoices.totalAmountOre()).isEqualTo(55_000);
    }

    @Test
    void theMessageIsReadAsIso88591() {
        byte[] content = OcrFixtures.load(OcrFixtures.GOOD_MOD10);
        // One byte per letter: æ, ø, Å are 0xE6, 0xF8, 0xD8 in ISO-8859-1 (UTF-8 would take two and break the record).
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).contains("b\u00f8keklubben p\u00e5 \u00d8rland, \u00e6rlig");
        assertThat(content).contains((byte) 0xF8, (byte) 0xD8, (byte) 0xE6, (byte) 0xE5);

        OcrPayment freeText = parsed(content).assignments().get(0).payments().get(2);

        assertThat(freeText.message()).isEqualTo("Gave fra bøkeklubben på Ørland, ærlig!");
    }

    @Test
    void lfLineEndingsAndAMissingFinalLineEndAreReadToo() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        byte[] lf = file.bytes("\n");
        byte[] noFinalEnd = String.join("\r\n", file.lines()).getBytes(StandardCharsets.ISO_8859_1);

        assertThat(parsed(lf)).isEqualTo(parsed(file.bytes()));
        assertThat(parsed(noFinalEnd)).isEqualTo(parsed(file.bytes()));
    }

    @Test
    void avtaleGiroAssignmentsAreReadAndMarked() {
        OcrTransmission transmission = parsed(OcrFixtures.load(OcrFixtures.GOOD_MOD11));

        OcrAssignment payments = transmission.assignments().get(0);
        assertThat(payments.serviceCode()).isEqualTo(OcrServiceCode.OCR_GIRO);
        assertThat(payments.payments().get(0).transactionType()).as("AvtaleGiro money arrives as type 15").isEqualTo("15");

        OcrAssignment claims = transmission.assignments().get(1);
        assertThat(claims.serviceCode()).isEqualTo(OcrServiceCode.AVTALEGIRO);
        assertThat(claims.netsDate()).isNull();
        assertThat(claims.firstDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        OcrPayment claim = claims.payments().get(0);
        assertThat(claim.transactionType()).isEqualTo("02");
        assertThat(claim.netsDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(claim.settlement()).isNull();
        assertThat(claim.amountOre()).isEqualTo(15_000);
        assertThat(claim.kid()).isEqualTo(OcrFixtures.kid(1, 1, KidMethod.MOD11));
        assertThat(claim.payerShortName()).isEqualTo("NORDMANN K");
        assertThat(claim.externalReference()).isEqualTo("ref-1");
    }

    @Test
    void theKidsOfTheFixturesAreValidForTheirMethodOnly() {
        List<String> mod10 = kids(parsed(OcrFixtures.load(OcrFixtures.GOOD_MOD10)));
        List<String> mod11 = kids(parsed(OcrFixtures.load(OcrFixtures.GOOD_MOD11)));

        assertThat(mod10.get(0)).isEqualTo("000000001000108");
        assertThat(Kid.isValid(mod10.get(0), KidMethod.MOD10)).isTrue();
        assertThat(KidLayout.parse(mod10.get(0), KidMethod.MOD10)).contains(new KidLayout.Parts(1, 1));
        assertThat(KidLayout.parse(mod10.get(1), KidMethod.MOD10)).contains(new KidLayout.Parts(2, 1));
        assertThat(Kid.isValid(OcrFixtures.FOREIGN_KID, KidMethod.MOD10)).isTrue();
        assertThat(KidLayout.parse(OcrFixtures.FOREIGN_KID, KidMethod.MOD10)).as("not Dialog's layout").isEmpty();
        String wrongCheck = mod10.get(4);
        assertThat(Kid.isValid(wrongCheck, KidMethod.MOD10)).isFalse();
        assertThat(KidLayout.parse(wrongCheck, KidMethod.MOD10)).isEmpty();

        assertThat(mod11).allSatisfy(kid -> assertThat(Kid.isValid(kid, KidMethod.MOD11)).isTrue());
        assertThat(KidLayout.parse(mod11.get(1), KidMethod.MOD11)).contains(new KidLayout.Parts(2, 1));
        assertThat(mod11.get(0)).isNotEqualTo(mod10.get(0));
        assertThat(KidLayout.parse(mod11.get(0), KidMethod.MOD10)).as("a MOD11 KID read as MOD10").isEmpty();
    }

    private static List<String> kids(OcrTransmission transmission) {
        List<String> kids = new ArrayList<>();
        transmission.assignments().forEach(a -> a.payments().stream().map(OcrPayment::kid)
                .filter(kid -> kid != null).forEach(kids::add));
        return kids;
    }

    @Test
    void theCorruptFixtureIsRejectedWithBothMistakes() {
        List<OcrError> errors = errors(OcrFixtures.load(OcrFixtures.CORRUPT));

        // 1: record 10; 2: record 20; 3-6: two transactions; 7: record 88; 8: record 20; 9: the bad record 30.
        assertThat(errors).containsExactly(
                new OcrError(7, "sum amount (positions 25-41) does not match the amounts of the assignment"),
                new OcrError(9, "amount (positions 33-49) must be digits"));
    }

    @Test
    void aWrongAssignmentSumNamesRecord88() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        OcrFileBuilder.Assignment gifts = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).sumOff(-100);
        gifts.payment("19", 1_000, null);

        assertThat(errors(file.bytes())).containsExactly(new OcrError(file.endLineOf(gifts),
                "sum amount (positions 25-41) does not match the amounts of the assignment"));
    }

    @Test
    void aWrongTransmissionSumNamesRecord89() {
        OcrFileBuilder file = OcrFixtures.goodMod10().transmissionSumOff(1);

        assertThat(errors(file.bytes())).containsExactly(new OcrError(file.lastLine(),
                "sum amount (positions 25-41) does not match the amounts of the transmission"));
    }

    @Test
    void aWrongRecord88DoesNotHideAWrongRecord89() {
        OcrFileBuilder file = OcrFixtures.goodMod10().transmissionSumOff(1);
        OcrFileBuilder.Assignment gifts = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).sumOff(-100);
        gifts.payment("19", 1_000, null);

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(file.endLineOf(gifts), "sum amount (positions 25-41) does not match the amounts of the assignment"),
                new OcrError(file.lastLine(), "sum amount (positions 25-41) does not match the amounts of the transmission"));
    }

    @Test
    void aWrongRecord88AloneLeavesRecord89CheckedAgainstTheTransactionsAndRight() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        OcrFileBuilder.Assignment gifts = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).recordCountOff(2);
        gifts.payment("19", 1_000, null);

        // Record 89 agrees with the transactions (not with the wrong record 88): one error, on record 88.
        assertThat(errors(file.bytes())).containsExactly(new OcrError(file.endLineOf(gifts),
                "number of records (positions 17-24) is 6, the assignment has 4 (records 20 to 88)"));
    }

    @Test
    void twoBadRecordsAreBothReported() {
        List<String> lines = OcrFixtures.goodMod10().lines();
        List<String> twoBadKids = new ArrayList<>(lines);
        for (int line : List.of(2, 4)) {
            String record = twoBadKids.get(line);
            assertThat(record.substring(6, 8)).isEqualTo("30");
            twoBadKids.set(line, record.substring(0, 49) + "00000000100010 8" + " ".repeat(9) + record.substring(74));
        }

        assertThat(errors(join(twoBadKids))).containsExactly(
                new OcrError(3, "KID (positions 50-74) must be digits, right-aligned after spaces"),
                new OcrError(5, "KID (positions 50-74) must be digits, right-aligned after spaces"));
    }

    @Test
    void aBadFieldInATransactionLeavesTheTotalsChecked() {
        OcrFileBuilder file = OcrFixtures.goodMod10().transmissionRecordCountOff(1);
        OcrFileBuilder.Assignment gifts = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).sumOff(100);
        OcrFileBuilder.Payment payment = gifts.payment("19", 1_000, null);
        List<String> lines = new ArrayList<>(file.lines());
        int kidLine = file.lineOf(payment) - 1;
        lines.set(kidLine, lines.get(kidLine).substring(0, 49) + "0000000010001x08" + " ".repeat(9)
                + lines.get(kidLine).substring(74));

        assertThat(errors(join(lines))).containsExactly(
                new OcrError(kidLine + 1, "KID (positions 50-74) must be digits, right-aligned after spaces"),
                new OcrError(file.endLineOf(gifts), "sum amount (positions 25-41) does not match the amounts of the assignment"),
                new OcrError(file.lastLine(), "number of records (positions 17-24) is 28, the transmission has 27"
                        + " (records 10 to 89)"));
    }

    @Test
    void anUnreadableAmountLeavesTheCountsCheckedButNotTheSums() {
        OcrFileBuilder file = OcrFixtures.goodMod10().transmissionRecordCountOff(-1).transmissionSumOff(5);
        OcrFileBuilder.Payment payment = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT)
                .payment("19", 1_000, null).amountField("0000000000001 000");

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(file.lineOf(payment), "amount (positions 33-49) must be digits"),
                new OcrError(file.lastLine(), "number of records (positions 17-24) is 26, the transmission has 27"
                        + " (records 10 to 89)"));
    }

    @Test
    void wrongRecordAndTransactionCountsAreNamed() {
        OcrFileBuilder assignmentRecords = OcrFixtures.goodMod10();
        OcrFileBuilder.Assignment extra = assignmentRecords.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).recordCountOff(1);
        extra.payment("19", 1_000, null);
        OcrFileBuilder transmissionRecords = OcrFixtures.goodMod10().transmissionRecordCountOff(-2);
        OcrFileBuilder transactions = OcrFixtures.goodMod10();
        OcrFileBuilder.Assignment short1 = transactions.assignment("0000003", OcrFixtures.GIFT_ACCOUNT)
                .transactionCountOff(1);
        short1.payment("19", 1_000, null);

        assertThat(errors(assignmentRecords.bytes())).containsExactly(new OcrError(assignmentRecords.endLineOf(extra),
                "number of records (positions 17-24) is 5, the assignment has 4 (records 20 to 88)"));
        assertThat(errors(transmissionRecords.bytes())).containsExactly(new OcrError(transmissionRecords.lastLine(),
                "number of records (positions 17-24) is 21, the transmission has 23 (records 10 to 89)"));
        assertThat(errors(transactions.bytes())).containsExactly(new OcrError(transactions.endLineOf(short1),
                "number of transactions (positions 9-16) is 2, the assignment has 1"));
    }

    @Test
    void aBadRecordTypeIsNamedOnItsLineAlone() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        OcrFileBuilder.Payment payment = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT)
                .payment("19", 1_000, null).recordTypeOf31("39");

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(file.lineOf(payment) + 1, "unknown record type '39' (positions 7-8)"));
    }

    @Test
    void aShortLineIsNamedWithItsLength() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        OcrFileBuilder.Payment payment = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT)
                .payment("19", 1_000, null).shortLine();

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(file.lineOf(payment), "a record must be 80 characters, was 79"));
    }

    @Test
    void aNonDigitAmountIsNamedWithoutItsValue() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        OcrFileBuilder.Payment payment = file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT)
                .payment("19", 1_000, null).amountField("0000000000001 000");

        List<OcrError> errors = errors(file.bytes());

        assertThat(errors).containsExactly(new OcrError(file.lineOf(payment), "amount (positions 33-49) must be digits"));
        assertThat(errors.get(0).reason()).doesNotContain("1 000");
    }

    @Test
    void aWrongCheckDigitInAKidIsNotAFileError() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        file.assignment("0000003", OcrFixtures.GIFT_ACCOUNT).payment("19", 1_000, "12345678901234567890123");

        assertThat(parsed(file.bytes()).assignments().get(2).payments().get(0).kid())
                .isEqualTo("12345678901234567890123");
    }

    @Test
    void aMissingEndOfTransmissionIsNamedOnTheLastLine() {
        OcrFileBuilder file = OcrFixtures.goodMod10().withoutEnd();

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(22, "the file ends without record 89 (end of transmission)"));
    }

    @Test
    void structureMistakesAreNamed() {
        List<String> lines = OcrFixtures.goodMod10().lines();
        List<String> noItem2 = new ArrayList<>(lines);
        noItem2.remove(3);
        List<String> noStart = new ArrayList<>(lines.subList(1, lines.size()));
        List<String> afterEnd = new ArrayList<>(lines);
        afterEnd.add(lines.get(0));
        List<String> message32OnType19 = new ArrayList<>(lines);
        message32OnType19.add(3 + 1, "NY0919320000001" + " ".repeat(40) + "0".repeat(25));

        assertThat(errors(join(noItem2))).containsExactly(
                new OcrError(4, "record 30 where record 31 of the transaction of line 3 was expected"));
        assertThat(errors(join(noStart)).get(0))
                .isEqualTo(new OcrError(1, "the file must start with record 10 (start of transmission)"));
        assertThat(errors(join(afterEnd))).containsExactly(
                new OcrError(24, "a record after record 89 (end of transmission)"));
        assertThat(errors(join(message32OnType19))).containsExactly(
                new OcrError(5, "record 32 (amount item 3) belongs only to OCR giro transaction types 20 and 21"));
    }

    @Test
    void fieldFormatsAreChecked() {
        List<String> lines = OcrFixtures.goodMod10().lines();
        List<String> badDate = new ArrayList<>(lines);
        badDate.set(2, badDate.get(2).substring(0, 15) + "311126" + badDate.get(2).substring(21));
        List<String> badKid = new ArrayList<>(lines);
        badKid.set(2, badKid.get(2).substring(0, 49) + "00000000100010 8" + " ".repeat(9) + badKid.get(2).substring(74));
        List<String> badSign = new ArrayList<>(lines);
        badSign.set(2, badSign.get(2).substring(0, 31) + "+" + badSign.get(2).substring(32));
        List<String> badType = new ArrayList<>(lines);
        badType.set(2, "NY0955" + badType.get(2).substring(6));
        badType.set(3, "NY0955" + badType.get(3).substring(6));
        List<String> badService = new ArrayList<>(lines);
        badService.set(1, "NY07" + badService.get(1).substring(4));

        assertThat(errors(join(badDate))).containsExactly(
                new OcrError(3, "nets date (positions 16-21) is not a date (DDMMYY)"));
        assertThat(errors(join(badKid))).containsExactly(
                new OcrError(3, "KID (positions 50-74) must be digits, right-aligned after spaces"));
        assertThat(errors(join(badSign))).containsExactly(new OcrError(3, "sign (position 32) must be 0 or -"));
        assertThat(errors(join(badType))).containsExactly(
                new OcrError(3, "transaction type (positions 5-6) '55' is not one of OCR giro's (10-21)"));
        assertThat(errors(join(badService)).get(0)).isEqualTo(
                new OcrError(2, "service code (positions 3-4) must be 09 (OCR giro) or 21 (AvtaleGiro), was '07'"));
    }

    @Test
    void repeatedNumbersAreRejected() {
        OcrFileBuilder file = OcrFixtures.goodMod10();
        file.assignment("0000001", OcrFixtures.GIFT_ACCOUNT).payment("19", 1_000, null);

        assertThat(errors(file.bytes())).containsExactly(
                new OcrError(23, "assignment number (positions 18-24) is used twice in the transmission"));
    }

    @Test
    void anEmptyFileIsRejected() {
        assertThat(errors(new byte[0])).containsExactly(new OcrError(1, "the file is empty"));
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
