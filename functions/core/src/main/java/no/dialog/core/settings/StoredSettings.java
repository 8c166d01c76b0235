package no.dialog.core.settings;

import java.util.Map;
import no.dialog.core.enrolment.FrequencyCap;
import no.dialog.core.journey.SendChannel;

/**
 * A tenant's settings as stored: the flat keys every reader uses ({@code Tenant#setting}), the frequency caps
 * (their own attribute, read by the caps adapter) and the revision that every change must name.
 *
 * @param revision 0 for a tenant whose settings were never changed through the API
 */
public record StoredSettings(Map<String, String> flat, Map<SendChannel, FrequencyCap> frequencyCaps, long revision) {

    public StoredSettings {
        flat = Map.copyOf(flat);
        frequencyCaps = Map.copyOf(frequencyCaps);
    }
}
