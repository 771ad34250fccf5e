package sa.tenhal.patients;

import java.util.Optional;

/**
 * A module's part of the patient summary (appointments, invoices and balance, packages, referrals…). Implemented by
 * the modules that own that data, so that {@code patients} never depends on them. A contributor shows only what the
 * signed-in role may see: empty hides the section.
 */
public interface PatientSummaryContributor {

    /** The section's name in the summary JSON, e.g. {@code appointments}. */
    String section();

    Optional<Object> contribute(PatientId patient);

    /**
     * Where the section appears on the patient's page: a Thymeleaf fragment {@code panel(section, patient)}, e.g.
     * {@code appointments/patient-panel}. Null keeps the section in the API only.
     */
    default String pageTemplate() {
        return null;
    }
}
