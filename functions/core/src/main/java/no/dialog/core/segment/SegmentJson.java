package no.dialog.core.segment;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson mapper of this package; thread-safe once configured. */
final class SegmentJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private SegmentJson() {}
}
