package sa.tenhal.visits;

import java.util.Optional;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientSummaryContributor;

/**
 * The clinical record on the patient's profile (and in the summary API): the latest visits, the problem list, and the
 * vitals with the growth chart — only for who reads the clinical record (docs/security.md). The profile's read is
 * audited by the patient summary itself.
 */
@Component
class VisitsSummary implements PatientSummaryContributor {

    /** How many visits the profile lists (the API pages through the rest). */
    static final int TIMELINE = 30;

    /** How many measurings of vitals the profile's table shows. */
    static final int LATEST_VITALS = 10;

    private final VisitStore store;
    private final sa.tenhal.platform.ClinicTime time;

    VisitsSummary(VisitStore store, sa.tenhal.platform.ClinicTime time) {
        this.store = store;
        this.time = time;
    }

    @Override
    public String section() {
        return "visits";
    }

    @Override
    public Optional<Object> contribute(PatientSight sight) {
        if (!sight.sees(PatientData.CLINICAL_RECORD)) {
            return Optional.empty();
        }
        var patient = sight.patient().value();
        return Optional.of(new PatientRecord(
                store.timeline(patient, 0, TIMELINE),
                store.countVisits(patient),
                store.problems(patient),
                store.latestVitalsOfPatient(patient, LATEST_VITALS),
                store.growthOfPatient(patient, time.zone())));
    }

    @Override
    public String pageTemplate() {
        return "visits/patient-panel";
    }
}
