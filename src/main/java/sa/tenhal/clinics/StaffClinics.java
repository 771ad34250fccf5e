package sa.tenhal.clinics;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.WorkingClinics;

/** The clinics a staff user works in: those of their provider record (a doctor's, a therapist's, a nurse's). */
@Component
class StaffClinics implements WorkingClinics {

    private final ClinicCatalog catalog;

    StaffClinics(ClinicCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Set<UUID> of(UUID staffUserId) {
        return catalog.clinicsOf(new UserId(staffUserId)).stream()
                .map(ClinicId::value)
                .collect(Collectors.toUnmodifiableSet());
    }
}
