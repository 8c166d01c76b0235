package no.dialog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.dialog.core.contact.Channel;
import no.dialog.core.contact.Consent;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.Membership;
import org.postgresql.PGConnection;

/**
 * The peer's read model: the contacts as a PostgreSQL table a competent engineer would design for
 * segments (one row per contact, consents and reservations as columns, lists as arrays, custom
 * attributes as jsonb) plus a memberships table, with indexes for the benchmark's queries. Loaded with
 * COPY from files written while the contacts are generated.
 */
final class PostgresContacts implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Channel[] CHANNELS = {Channel.SMS, Channel.EMAIL, Channel.PHONE, Channel.POST,
            Channel.CHAT, Channel.NEWSLETTER};

    private final Path contactsFile;
    private final Path membershipsFile;
    private final Writer contacts;
    private final Writer memberships;

    PostgresContacts(Path dir) throws IOException {
        contactsFile = dir.resolve("contacts.copy");
        membershipsFile = dir.resolve("memberships.copy");
        contacts = new BufferedWriter(Files.newBufferedWriter(contactsFile, StandardCharsets.UTF_8), 1 << 16);
        memberships = new BufferedWriter(Files.newBufferedWriter(membershipsFile, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one contact as COPY text rows. */
    void add(Contact c) {
        try {
            StringBuilder row = new StringBuilder(256);
            field(row, c.id());
            field(row, c.firstName());
            field(row, c.lastName());
            field(row, c.birthDate());
            field(row, c.phone());
            field(row, c.email());
            field(row, c.address() == null ? null : c.address().postcode());
            field(row, c.address() == null ? null : c.address().city());
            field(row, c.donor() != null && c.donor().regularDonor());
            field(row, c.donor() == null ? null : c.donor().firstGiftDate());
            field(row, c.donor() == null ? null : c.donor().lastGiftDate());
            field(row, c.donor() == null ? null : c.donor().lastGiftAmountOre());
            field(row, c.donor() == null ? null : c.donor().sumLast12MonthsOre());
            for (Channel channel : CHANNELS) {
                Consent consent = c.consents().get(channel);
                field(row, consent != null && consent.granted());
            }
            field(row, c.reservations().telemarketing());
            field(row, c.reservations().addressedPost());
            field(row, c.reservations().doNotContact());
            field(row, array(c.roles()));
            field(row, array(c.volunteerAreas()));
            field(row, array(c.events().stream().map(e -> e.eventId()).filter(id -> id != null).toList()));
            field(row, MAPPER.writeValueAsString(c.attributes()));
            row.setLength(row.length() - 1);
            contacts.append(row).append('\n');
            for (Membership m : c.memberships()) {
                StringBuilder mrow = new StringBuilder(96);
                field(mrow, c.id());
                field(mrow, m.type());
                field(mrow, m.status() == null ? null : m.status().jsonName());
                field(mrow, m.start());
                field(mrow, m.paidUntil());
                field(mrow, m.chapter());
                field(mrow, m.examDate());
                mrow.setLength(mrow.length() - 1);
                memberships.append(mrow).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the schema, COPYs the rows, builds the indexes and runs VACUUM ANALYZE. */
    void load(Connection connection) throws IOException, SQLException {
        contacts.close();
        memberships.close();
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE contacts (
                      id text NOT NULL, first_name text, last_name text, birth_date date, phone text, email text,
                      postcode text, city text, donor_regular boolean NOT NULL, first_gift_date date,
                      last_gift_date date, last_gift_amount_ore bigint, sum_last12_months_ore bigint,
                      consent_sms boolean NOT NULL, consent_email boolean NOT NULL, consent_phone boolean NOT NULL,
                      consent_post boolean NOT NULL, consent_chat boolean NOT NULL,
                      consent_newsletter boolean NOT NULL, reserved_telemarketing boolean NOT NULL,
                      reserved_addressed_post boolean NOT NULL, do_not_contact boolean NOT NULL,
                      roles text[] NOT NULL, volunteer_areas text[] NOT NULL, event_ids text[] NOT NULL,
                      attributes jsonb NOT NULL)""");
            s.execute("""
                    CREATE TABLE memberships (
                      contact_id text NOT NULL, type text, status text, start_date date, paid_until date,
                      chapter text, exam_date date)""");
        }
        copy(connection, "contacts", contactsFile);
        copy(connection, "memberships", membershipsFile);
        Files.deleteIfExists(contactsFile);
        Files.deleteIfExists(membershipsFile);
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE contacts ADD PRIMARY KEY (id)");
            s.execute("CREATE INDEX memberships_contact ON memberships (contact_id)");
            s.execute("CREATE INDEX memberships_type_exam ON memberships (lower(type), exam_date)");
            s.execute("CREATE INDEX memberships_chapter_paid ON memberships (lower(chapter), paid_until)");
            s.execute("CREATE INDEX contacts_last_gift ON contacts (last_gift_date)");
            s.execute("CREATE INDEX contacts_regular_first_gift ON contacts (first_gift_date) WHERE donor_regular");
            s.execute("VACUUM ANALYZE");
        }
    }

    /** Runs a segment's SQL and returns every matching id, as the segmentation function would need. */
    static List<String> ids(PreparedStatement query, LocalDate today, int dateParameters) throws SQLException {
        for (int i = 1; i <= dateParameters; i++) {
            query.setDate(i, Date.valueOf(today));
        }
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void copy(Connection connection, String table, Path file) throws IOException, SQLException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (FORMAT text)", reader, 1 << 16);
        }
    }

    private static String array(List<String> values) {
        StringBuilder a = new StringBuilder("{");
        for (String v : values) {
            if (a.length() > 1) {
                a.append(',');
            }
            a.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return a.append('}').toString();
    }

    private static void field(StringBuilder row, Object value) {
        if (value == null) {
            row.append("\\N");
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                switch (ch) {
                    case '\\' -> row.append("\\\\");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    case '\r' -> row.append("\\r");
                    default -> row.append(ch);
                }
            }
        }
        row.append('\t');
    }

    @Override
    public void close() throws IOException {
        contacts.close();
        memberships.close();
        Files.deleteIfExists(contactsFile);
        Files.deleteIfExists(membershipsFile);
    }
}
