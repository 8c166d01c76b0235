package no.dialog.core.privacy.export;

import java.util.List;
import no.dialog.core.journey.Enrolment;
import no.dialog.core.tenant.TenantId;

/**
 * Port: the run lines (letters, print files, call lists) staged for the person's enrolments. Run items are
 * kept by run, not by person, so a store finds them through the enrolments.
 */
public interface RunStagings {

    List<PersonExport.StagedRunItem> ofEnrolments(TenantId tenant, List<Enrolment> enrolments);
}
