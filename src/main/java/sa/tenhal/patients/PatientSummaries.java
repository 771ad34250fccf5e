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

    PatientSummaries(
            Patients patients,
            PatientFiles files,
            Consents consents,
            List<PatientSummaryContributor> contributors,
            ClinicTime time,
            ApplicationEventPublisher events) {
        this.patients = patients;
        this.files = files;
        this.consents = consents;
        this.contributors = contributors;
        this.time = time;
        this.events = events;
    }

    public PatientSummary summary(PatientId id) {
        Patient patient = patients.findById(id.value()).orElseThrow(() -> new NotFoundException("Patient", id));
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PatientSummaryContributor contributor : contributors) {
            contributor.contribute(id).ifPresent(section -> sections.put(contributor.section(), section));
        }
        events.publishEvent(new PatientRecordViewed(id, "summary", time.now()));
        return new PatientSummary(patient.details(), files.forSummary(id), consents.forSummary(id), sections);
    }
}
