package no.dialog.core.segment.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.DonorFacts;
import no.dialog.core.contact.EventParticipation;
import no.dialog.core.contact.Membership;
import no.dialog.core.segment.FieldType;
import no.dialog.core.segment.SegmentField;
import no.dialog.core.segment.SegmentFields;

/**
 * Builds a {@link SegmentSnapshot} one contact at a time, so a register can stream through it (e.g.
 * from {@code ContactStore.forEach}) with memory bounded by the snapshot being built, not by the
 * contacts. Not thread-safe; use once.
 * <pre>{@code
 * var builder = new SegmentSnapshotBuilder(Instant.now());
 * contacts.forEach(builder::add);
 * SegmentSnapshot snapshot = builder.build();
 * }</pre>
 */
public final class SegmentSnapshotBuilder {

    /** Yes/no fields do not depend on the day; any day will do for reading them. */
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);
    private static final List<SegmentField> BOOLEAN_FIELDS = SegmentFields.all().stream()
            .filter(f -> f.type() == FieldType.BOOLEAN).toList();

    private final Instant asOf;
    private int rows;
    private final IdColumn.Builder ids = new IdColumn.Builder();
    private final TextColumn.Builder firstName = new TextColumn.Builder();
    private final TextColumn.Builder lastName = new TextColumn.Builder();
    private final DateColumn.Builder birthDate = new DateColumn.Builder("birthDate");
    private final TextColumn.Builder postcode = new TextColumn.Builder();
    private final TextColumn.Builder city = new TextColumn.Builder();
    private final Groups.Builder memberships = new Groups.Builder();
    private final TextColumn.Builder membershipType = new TextColumn.Builder();
    private final TextColumn.Builder membershipStatus = new TextColumn.Builder();
    private final TextColumn.Builder membershipChapter = new TextColumn.Builder();
    private final DateColumn.Builder membershipStart = new DateColumn.Builder("membership.start");
    private final DateColumn.Builder membershipPaidUntil = new DateColumn.Builder("membership.paidUntil");
    private final DateColumn.Builder membershipExamDate = new DateColumn.Builder("membership.examDate");
    private final DateColumn.Builder donorLastGiftDate = new DateColumn.Builder("donor.lastGiftDate");
    private final DateColumn.Builder donorFirstGiftDate = new DateColumn.Builder("donor.firstGiftDate");
    private final LongColumn.Builder donorLastGiftAmount = new LongColumn.Builder();
    private final LongColumn.Builder donorSumLast12Months = new LongColumn.Builder();
    private final Groups.Builder roleGroups = new Groups.Builder();
    private final TextColumn.Builder roles = new TextColumn.Builder();
    private final Groups.Builder volunteerAreaGroups = new Groups.Builder();
    private final TextColumn.Builder volunteerAreas = new TextColumn.Builder();
    private final Groups.Builder eventGroups = new Groups.Builder();
    private final TextColumn.Builder eventIds = new TextColumn.Builder();
    private final Map<String, Bits.Builder> flags = new LinkedHashMap<>();
    private final Map<String, AttributeColumn.Builder> attributes = new TreeMap<>();
    private boolean built;

    /** @param asOf when the contacts were read (the snapshot's freshness) */
    public SegmentSnapshotBuilder(Instant asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        BOOLEAN_FIELDS.forEach(f -> flags.put(f.id(), new Bits.Builder()));
    }

    /**
     * Adds one contact as the next row.
     *
     * @throws IllegalArgumentException if the contact has no id, or a date outside ±5 million years
     */
    public SegmentSnapshotBuilder add(Contact contact) {
        checkOpen();
        if (contact.id() == null || contact.id().isEmpty()) {
            throw new IllegalArgumentException("contact without id cannot be added to a segment snapshot");
        }
        ids.add(contact.id());
        firstName.add(contact.firstName());
        lastName.add(contact.lastName());
        birthDate.add(contact.birthDate());
        postcode.add(contact.address() == null ? null : contact.address().postcode());
        city.add(contact.address() == null ? null : contact.address().city());
        for (Membership m : contact.memberships()) {
            membershipType.add(m.type());
            membershipStatus.add(m.status() == null ? null : m.status().jsonName());
            membershipChapter.add(m.chapter());
            membershipStart.add(m.start());
            membershipPaidUntil.add(m.paidUntil());
            membershipExamDate.add(m.examDate());
        }
        memberships.endRow(membershipType.size());
        DonorFacts donor = contact.donor();
        donorLastGiftDate.add(donor == null ? null : donor.lastGiftDate());
        donorFirstGiftDate.add(donor == null ? null : donor.firstGiftDate());
        donorLastGiftAmount.add(donor == null ? null : donor.lastGiftAmountOre());
        donorSumLast12Months.add(donor == null ? null : donor.sumLast12MonthsOre());
        contact.roles().forEach(roles::add);
        roleGroups.endRow(roles.size());
        contact.volunteerAreas().forEach(volunteerAreas::add);
        volunteerAreaGroups.endRow(volunteerAreas.size());
        for (EventParticipation event : contact.events()) {
            if (event.eventId() != null) {
                eventIds.add(event.eventId());
            }
        }
        eventGroups.endRow(eventIds.size());
        for (SegmentField field : BOOLEAN_FIELDS) {
            // The registry's own reader, so a yes/no field means here exactly what it means there.
            flags.get(field.id()).add(Boolean.TRUE.equals(field.values(contact, ANY_DAY).get(0)));
        }
        for (Map.Entry<String, Object> attribute : contact.attributes().entrySet()) {
            attributes.computeIfAbsent(attribute.getKey(), k -> new AttributeColumn.Builder())
                    .add(rows, attribute.getValue());
        }
        rows++;
        return this;
    }

    /** Copies row {@code row} of {@code source} as the next row: how a merge keeps unchanged contacts. */
    SegmentSnapshotBuilder addRow(SegmentSnapshot source, int row) {
        checkOpen();
        ids.add(source.contactId(row));
        firstName.add(source.firstName.value(row));
        lastName.add(source.lastName.value(row));
        birthDate.addDay(source.birthDate.days[row]);
        postcode.add(source.postcode.value(row));
        city.add(source.city.value(row));
        for (int e = source.memberships.start(row); e < source.memberships.end(row); e++) {
            membershipType.add(source.membershipType.value(e));
            membershipStatus.add(source.membershipStatus.value(e));
            membershipChapter.add(source.membershipChapter.value(e));
            membershipStart.addDay(source.membershipStart.days[e]);
            membershipPaidUntil.addDay(source.membershipPaidUntil.days[e]);
            membershipExamDate.addDay(source.membershipExamDate.days[e]);
        }
        memberships.endRow(membershipType.size());
        donorLastGiftDate.addDay(source.donorLastGiftDate.days[row]);
        donorFirstGiftDate.addDay(source.donorFirstGiftDate.days[row]);
        donorLastGiftAmount.add(source.donorLastGiftAmount.value(row));
        donorSumLast12Months.add(source.donorSumLast12Months.value(row));
        copyList(source.roleGroups, source.roles, row, roles, roleGroups);
        copyList(source.volunteerAreaGroups, source.volunteerAreas, row, volunteerAreas, volunteerAreaGroups);
        copyList(source.eventGroups, source.eventIds, row, eventIds, eventGroups);
        for (Map.Entry<String, Bits.Builder> flag : flags.entrySet()) {
            long[] bits = source.flags.get(flag.getKey());
            flag.getValue().add(bits != null && Bits.get(bits, row));
        }
        for (Map.Entry<String, AttributeColumn> attribute : source.attributes.entrySet()) {
            Object value = attribute.getValue().value(row);
            if (value != null) {
                attributes.computeIfAbsent(attribute.getKey(), k -> new AttributeColumn.Builder()).add(rows, value);
            }
        }
        rows++;
        return this;
    }

    private static void copyList(Groups groups, TextColumn values, int row, TextColumn.Builder target,
                                 Groups.Builder targetGroups) {
        for (int e = groups.start(row); e < groups.end(row); e++) {
            target.add(values.value(e));
        }
        targetGroups.endRow(target.size());
    }

    public int size() {
        return rows;
    }

    public SegmentSnapshot build() {
        checkOpen();
        built = true;
        Map<String, long[]> flagColumns = new LinkedHashMap<>();
        flags.forEach((field, bits) -> flagColumns.put(field, bits.build()));
        Map<String, AttributeColumn> attributeColumns = new TreeMap<>();
        attributes.forEach((name, column) -> attributeColumns.put(name, column.build()));
        return new SegmentSnapshot(rows, asOf, ids.build(), firstName.build(), lastName.build(), birthDate.build(),
                postcode.build(), city.build(), memberships.build(), membershipType.build(), membershipStatus.build(),
                membershipChapter.build(), membershipStart.build(), membershipPaidUntil.build(),
                membershipExamDate.build(), donorLastGiftDate.build(), donorFirstGiftDate.build(),
                donorLastGiftAmount.build(), donorSumLast12Months.build(), roleGroups.build(), roles.build(),
                volunteerAreaGroups.build(), volunteerAreas.build(), eventGroups.build(), eventIds.build(),
                flagColumns, attributeColumns);
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("snapshot already built");
        }
    }
}
