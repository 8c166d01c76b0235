package no.dialog.core.segment.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Every contact of one tenant, reduced to what segments ask about, column by column: an immutable,
 * compact form that a whole register can be evaluated against in milliseconds (see ADR 0004).
 *
 * <p>Rows are contacts in the order they were added. Per row: the contact id, first and last name
 * (also shown in previews), and a column for every field of
 * {@link no.dialog.core.segment.SegmentFields}: dates as epoch days, amounts as øre, text
 * dictionary-encoded, yes/no fields as bitsets, memberships and lists as offsets into value arrays,
 * custom attributes as sparse per-name columns. Build one with {@link SegmentSnapshotBuilder}:
 * <pre>{@code
 * var builder = new SegmentSnapshotBuilder(Instant.now());
 * contactStore.forEach(tenant, builder::add);
 * SegmentSnapshot snapshot = builder.build();
 * snapshot.writeTo(out, true);                           // gzip
 * SegmentSnapshot again = SegmentSnapshot.readFrom(in);  // gzip or plain, told by the bytes
 * }</pre>
 */
public final class SegmentSnapshot {

    /** "DLGS": the first four bytes of an uncompressed snapshot. */
    static final int MAGIC = 0x444C4753;
    /** Raised whenever the layout changes; an older reader refuses a newer file rather than misread it. */
    static final int VERSION = 1;

    final int rows;
    final Instant asOf;
    final IdColumn ids;
    final TextColumn firstName;
    final TextColumn lastName;
    final DateColumn birthDate;
    final TextColumn postcode;
    final TextColumn city;
    final Groups memberships;
    final TextColumn membershipType;
    final TextColumn membershipStatus;
    final TextColumn membershipChapter;
    final DateColumn membershipStart;
    final DateColumn membershipPaidUntil;
    final DateColumn membershipExamDate;
    final DateColumn donorLastGiftDate;
    final DateColumn donorFirstGiftDate;
    final LongColumn donorLastGiftAmount;
    final LongColumn donorSumLast12Months;
    final Groups roleGroups;
    final TextColumn roles;
    final Groups volunteerAreaGroups;
    final TextColumn volunteerAreas;
    final Groups eventGroups;
    final TextColumn eventIds;
    /** Every boolean field of the registry by field id, e.g. {@code consent.sms}. */
    final Map<String, long[]> flags;
    /** Custom attributes by name (without the {@code attributes.} prefix). */
    final Map<String, AttributeColumn> attributes;

    SegmentSnapshot(int rows, Instant asOf, IdColumn ids, TextColumn firstName, TextColumn lastName,
                    DateColumn birthDate, TextColumn postcode, TextColumn city, Groups memberships,
                    TextColumn membershipType, TextColumn membershipStatus, TextColumn membershipChapter,
                    DateColumn membershipStart, DateColumn membershipPaidUntil, DateColumn membershipExamDate,
                    DateColumn donorLastGiftDate, DateColumn donorFirstGiftDate, LongColumn donorLastGiftAmount,
                    LongColumn donorSumLast12Months, Groups roleGroups, TextColumn roles, Groups volunteerAreaGroups,
                    TextColumn volunteerAreas, Groups eventGroups, TextColumn eventIds, Map<String, long[]> flags,
                    Map<String, AttributeColumn> attributes) {
        this.rows = rows;
        this.asOf = asOf;
        this.ids = ids;
        this.firstName = firstName;
        this.lastName = lastName;
        this.birthDate = birthDate;
        this.postcode = postcode;
        this.city = city;
        this.memberships = memberships;
        this.membershipType = membershipType;
        this.membershipStatus = membershipStatus;
        this.membershipChapter = membershipChapter;
        this.membershipStart = membershipStart;
        this.membershipPaidUntil = membershipPaidUntil;
        this.membershipExamDate = membershipExamDate;
        this.donorLastGiftDate = donorLastGiftDate;
        this.donorFirstGiftDate = donorFirstGiftDate;
        this.donorLastGiftAmount = donorLastGiftAmount;
        this.donorSumLast12Months = donorSumLast12Months;
        this.roleGroups = roleGroups;
        this.roles = roles;
        this.volunteerAreaGroups = volunteerAreaGroups;
        this.volunteerAreas = volunteerAreas;
        this.eventGroups = eventGroups;
        this.eventIds = eventIds;
        this.flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    private volatile SnapshotIdIndex idIndex;

    /** The id index, built on first use: only deltas need it. */
    SnapshotIdIndex idIndex() {
        SnapshotIdIndex index = idIndex;
        if (index == null) {
            index = new SnapshotIdIndex(ids);
            idIndex = index;
        }
        return index;
    }

    /** Number of contacts. */
    public int size() {
        return rows;
    }

    /** When the data was read: changes after this belong in a {@link SnapshotDelta}. */
    public Instant asOf() {
        return asOf;
    }

    public String contactId(int row) {
        return ids.value(row);
    }

    public String firstName(int row) {
        return firstName.value(row);
    }

    public String lastName(int row) {
        return lastName.value(row);
    }

    /** Writes the snapshot, gzip-compressed or plain; {@link #readFrom} tells them apart. */
    public void writeTo(OutputStream target, boolean gzip) throws IOException {
        GZIPOutputStream zip = gzip ? new GZIPOutputStream(target, 1 << 16) : null;
        OutputStream buffered = new BufferedOutputStream(zip != null ? zip : target, 1 << 16);
        SnapshotOutput out = new SnapshotOutput(buffered);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(rows);
        out.writeString(asOf.toString());
        ids.writeTo(out);
        for (TextColumn column : new TextColumn[] {firstName, lastName, postcode, city}) {
            column.writeTo(out);
        }
        birthDate.writeTo(out);
        memberships.writeTo(out);
        for (TextColumn column : new TextColumn[] {membershipType, membershipStatus, membershipChapter}) {
            column.writeTo(out);
        }
        for (DateColumn column : new DateColumn[] {membershipStart, membershipPaidUntil, membershipExamDate,
                donorLastGiftDate, donorFirstGiftDate}) {
            column.writeTo(out);
        }
        donorLastGiftAmount.writeTo(out);
        donorSumLast12Months.writeTo(out);
        roleGroups.writeTo(out);
        roles.writeTo(out);
        volunteerAreaGroups.writeTo(out);
        volunteerAreas.writeTo(out);
        eventGroups.writeTo(out);
        eventIds.writeTo(out);
        out.writeInt(flags.size());
        for (Map.Entry<String, long[]> flag : flags.entrySet()) {
            out.writeString(flag.getKey());
            out.writeLongs(flag.getValue());
        }
        out.writeInt(attributes.size());
        for (Map.Entry<String, AttributeColumn> attribute : attributes.entrySet()) {
            out.writeString(attribute.getKey());
            attribute.getValue().writeTo(out);
        }
        out.flush();
        if (zip != null) {
            zip.finish();
        }
        target.flush();
    }

    /**
     * Reads a snapshot written by {@link #writeTo}, gzip or plain. Does not close the stream.
     *
     * @throws IOException if the bytes are not a snapshot, of another version, or damaged
     */
    public static SegmentSnapshot readFrom(InputStream source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(source, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        SnapshotInput in = new SnapshotInput(gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
                : buffered);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a segment snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("segment snapshot version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        int rows = in.readInt();
        if (rows < 0) {
            throw new IOException("segment snapshot is damaged: negative row count");
        }
        Instant asOf = Instant.parse(in.readString());
        IdColumn ids = IdColumn.readFrom(in, rows);
        TextColumn firstName = rowText(in, rows);
        TextColumn lastName = rowText(in, rows);
        TextColumn postcode = rowText(in, rows);
        TextColumn city = rowText(in, rows);
        DateColumn birthDate = rowDates(in, rows);
        Groups memberships = Groups.readFrom(in, rows);
        int membershipEntries = memberships.offsets[rows];
        TextColumn type = entryText(in, membershipEntries);
        TextColumn status = entryText(in, membershipEntries);
        TextColumn chapter = entryText(in, membershipEntries);
        DateColumn start = rowDates(in, membershipEntries);
        DateColumn paidUntil = rowDates(in, membershipEntries);
        DateColumn examDate = rowDates(in, membershipEntries);
        DateColumn lastGift = rowDates(in, rows);
        DateColumn firstGift = rowDates(in, rows);
        LongColumn lastAmount = LongColumn.readFrom(in, rows);
        LongColumn sum12 = LongColumn.readFrom(in, rows);
        Groups roleGroups = Groups.readFrom(in, rows);
        TextColumn roles = entryText(in, roleGroups.offsets[rows]);
        Groups areaGroups = Groups.readFrom(in, rows);
        TextColumn areas = entryText(in, areaGroups.offsets[rows]);
        Groups eventGroups = Groups.readFrom(in, rows);
        TextColumn events = entryText(in, eventGroups.offsets[rows]);
        int flagCount = in.readInt();
        Map<String, long[]> flags = new LinkedHashMap<>();
        for (int i = 0; i < flagCount; i++) {
            String field = in.readString();
            long[] bits = in.readLongs();
            if (bits.length != Bits.create(rows).length) {
                throw new IOException("segment snapshot is damaged: a yes/no column does not fit the rows");
            }
            flags.put(field, bits);
        }
        int attributeCount = in.readInt();
        Map<String, AttributeColumn> attributes = new TreeMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String name = in.readString();
            attributes.put(name, AttributeColumn.readFrom(in, rows));
        }
        return new SegmentSnapshot(rows, asOf, ids, firstName, lastName, birthDate, postcode, city, memberships,
                type, status, chapter, start, paidUntil, examDate, lastGift, firstGift, lastAmount, sum12,
                roleGroups, roles, areaGroups, areas, eventGroups, events, flags, attributes);
    }

    private static TextColumn rowText(SnapshotInput in, int rows) throws IOException {
        return entryText(in, rows);
    }

    private static TextColumn entryText(SnapshotInput in, int entries) throws IOException {
        TextColumn column = TextColumn.readFrom(in);
        if (column.codes.length != entries) {
            throw new IOException("segment snapshot is damaged: a text column has the wrong length");
        }
        return column;
    }

    private static DateColumn rowDates(SnapshotInput in, int entries) throws IOException {
        DateColumn column = DateColumn.readFrom(in);
        if (column.days.length != entries) {
            throw new IOException("segment snapshot is damaged: a date column has the wrong length");
        }
        return column;
    }
}
