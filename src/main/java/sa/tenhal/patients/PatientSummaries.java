package sa.tenhal.patients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.NotFoundException;

/** The seed's get_patient_summary: everything about a patient on one page, audited as a read of the record. */
@Service
@Transactional
public class PatientSummaries {

    private final Patients patients;
    private final PatientFiles files;
    private final Consents consents;
    private final List<PatientSummaryContributor> contributors;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final PatientAccess access;

    PatientSummaries(
            Patients patients,
            PatientFiles files,
            Consents consents,
            List<PatientSummaryContributor> contributors,
            ClinicTime time,
            ApplicationEventPublisher events,
            PatientAccess access) {
        this.access = access;
        this.patients = patients;
        this.files = files;
        this.consents = consents;
        this.contributors = contributors;
        this.time = time;
        this.events = events;
    }

    /**
     * The summary as far as the signed-in user may see it: 403 outside a clinician's care team; each section only for
     * a role that sees its kind of data (docs/security.md).
     */
    public PatientSummary summary(PatientId id) {
        Patient patient = patients.findById(id.value()).orElseThrow(() -> new NotFoundException("Patient", id));
        PatientSight sight = access.sight(id);
        sight.require(PatientData.IDENTITY);
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PatientSummaryContributor contributor : contributors) {
            contributor.contribute(sight).ifPresent(section -> sections.put(contributor.section(), section));
        }
        events.publishEvent(new PatientRecordViewed(id, "summary", time.now()));
        return new PatientSummary(
                sight.redact(patient.details()),
                files.forSummary(id),
                sight.sees(PatientData.GUARDIANS) ? consents.forSummary(id) : List.of(),
                sections);
    }
}
