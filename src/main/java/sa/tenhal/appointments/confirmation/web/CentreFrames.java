package sa.tenhal.appointments.confirmation.web;

import org.springframework.stereotype.Component;
import sa.tenhal.appointments.confirmation.VisitFacts;
import sa.tenhal.clinics.ClinicCatalog;

/** What the patient pages' frame shows: the centre's name in both languages and the phone to call. */
@Component
class CentreFrames {

    record Frame(String nameEn, String nameAr, String phone) {}

    private final ClinicCatalog catalog;

    CentreFrames(ClinicCatalog catalog) {
        this.catalog = catalog;
    }

    Frame of(VisitFacts visit) {
        return new Frame(visit.centreEn(), visit.centreAr(), visit.phone());
    }

    /** The centre this node serves, for a link that names no appointment. */
    Frame ofCentre(String code) {
        return catalog.centres().stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .map(c -> new Frame(c.nameEn(), c.nameAr(), c.phone()))
                .orElse(null);
    }
}
