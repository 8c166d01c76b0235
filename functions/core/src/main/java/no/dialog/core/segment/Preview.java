package no.dialog.core.segment;

import java.util.List;

/**
 * How many contacts a segment matches, with the first few as a sample so staff can check that the
 * segment means what they think. Only ids and names are included: enough to recognise people.
 */
public record Preview(long count, List<Sample> sample) {

    public Preview {
        sample = List.copyOf(sample);
    }

    /** One matching contact, as shown in the admin UI's preview. */
    public record Sample(String contactId, String firstName, String lastName) {}
}
