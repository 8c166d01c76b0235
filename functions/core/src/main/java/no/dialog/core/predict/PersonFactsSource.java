package no.dialog.core.predict;

import java.util.function.Consumer;
import no.dialog.core.tenant.TenantId;

/** Port: every person of a tenant with the facts the models may learn from, read in bulk for training and scoring. */
public interface PersonFactsSource {

    /**
     * Hands every (not deleted) contact of the tenant, with their dated payments and messages, to {@code sink} in
     * no particular order. Calls to the sink are never concurrent.
     */
    void forEach(TenantId tenant, Consumer<PersonFacts> sink);
}
