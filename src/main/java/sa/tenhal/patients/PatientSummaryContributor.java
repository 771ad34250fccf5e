package sa.tenhal.patients;

import java.util.Optional;

/**
 * A module's part of the patient summary (appointments, invoices and balance, packages, referrals…). Implemented by
 * the modules that own that data, so that {@code patients} never depends on them. A contributor shows only what the
 * signed-in user may see ({@link PatientSight}): empty hides the section.
 */
public interface PatientSummaryContributor {

    /** The section's name in the summary JSON, e.g. {@code appointments}. */
    String section();

    /**
     * The section for the patient, as far as the signed-in user may see it ({@code sight}); empty leaves it out, e.g.
     * when the role does not see this kind of data at all.
     */
    Optional<Object> contribute(PatientSight sight);

    /**
     * Where the section appears on the patient's page: a Thymeleaf fragment {@code panel(section, patient)}, e.g.
     * {@code appointments/patient-panel}. Null keeps the section in the API only.
     */
    default String pageTemplate() {
        return null;
    }
}
