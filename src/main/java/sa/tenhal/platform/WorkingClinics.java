package sa.tenhal.platform;

import java.util.Set;
import java.util.UUID;

/**
 * The clinics a staff member sees patients in, as clinic ids: what a clinician's care team is made of. Implemented by
 * the catalogue (a provider's clinics), asked by the need-to-know rules of modules that cannot depend on it.
 */
public interface WorkingClinics {

    /** The clinics of the staff user's provider record; empty when they see patients in none. */
    Set<UUID> of(UUID staffUserId);
}
