package sa.tenhal.appointments.confirmation;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.patients.PatientContact;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;

/** Puts together the {@link VisitFacts} of an appointment. */
@Component
class Visits {

    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;

    Visits(ClinicCatalog catalog, PatientRegistry patients, ClinicTime time) {
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
    }

    VisitFacts of(AppointmentDetails a) {
        ClinicDetails clinic = catalog.clinic(a.clinicId());
        ProviderDetails provider = catalog.provider(a.providerId());
        CentreDetails centre = catalog.centre(clinic.centreCode());
        PatientContact contact = patients.contact(a.patientId()).orElse(null);
        String address = Stream.of(
                        join(centre.street(), centre.buildingNumber()),
                        centre.district(),
                        join(centre.city(), centre.postalCode()))
                .filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return new VisitFacts(
                a.id().value(),
                a.patientId(),
                contact,
                a.status(),
                a.startsAt(),
                time.local(a.startsAt()),
                clinic.nameEn(),
                clinic.nameAr(),
                provider.nameEn(),
                provider.nameAr(),
                centre.nameEn(),
                centre.nameAr(),
                address.isEmpty() ? null : address,
                clinic.phone() != null ? clinic.phone() : centre.phone(),
                a.endsAt(),
                a.cancelledAt() == null ? null : time.local(a.cancelledAt()),
                a.cancelReason() != null && a.cancelReason().startsWith(Confirmations.DECLINED_REASON));
    }

    /** The phone of the centre this node serves, for pages that know no appointment. */
    CentreDetails centre(String centreCode) {
        // not catalog.centre(code): its 404 would mark the caller's transaction for rollback
        return catalog.centres().stream()
                .filter(c -> c.code().equals(centreCode))
                .findFirst()
                .orElse(null);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }
}
