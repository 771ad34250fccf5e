package sa.tenhal.clinics;

import java.util.Set;
import sa.tenhal.identity.UserId;
import sa.tenhal.shared.Language;

/** A provider as other modules see it. */
public record ProviderDetails(
        ProviderId id,
        UserId userId,
        String nameEn,
        String nameAr,
        String licenceNumber,
        String specialty,
        Set<ClinicId> clinicIds,
        boolean active,
        long version) {

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }

    public boolean worksIn(ClinicId clinic) {
        return clinicIds.contains(clinic);
    }
}
