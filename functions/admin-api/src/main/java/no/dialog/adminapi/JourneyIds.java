package no.dialog.adminapi;

/**
 * Journey ids follow the segment id rule (the journey store's keys allow the same characters): chosen
 * by staff, or made from the name plus a short random part ({@code er-du-fortsatt-student-k3f9qa}).
 */
final class JourneyIds {

    static final String RULE = SegmentIds.RULE;

    private JourneyIds() {}

    static boolean isValid(String id) {
        return SegmentIds.isValid(id);
    }

    static String fromName(String name) {
        return SegmentIds.fromName(name, "journey");
    }
}
