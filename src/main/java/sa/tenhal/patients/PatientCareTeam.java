package sa.tenhal.patients;

import java.util.Set;
import java.util.UUID;

/**
 * Who looks after a patient (the staff users to tell about their consents and the like). Implemented by the modules
 * that know — scheduling knows the providers who see the patient — so that {@code patients} depends on none of them.
 */
public interface PatientCareTeam {

    /** Staff user ids of the patient's care team; empty when this source knows none. */
    Set<UUID> staffUserIds(PatientId patient);
}
