package sa.tenhal.integrations.nphies;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.NotFoundException;

/** Takes the parties of a message from the modules that own them: the centre, the payer, the member, the clinician. */
@Component
class Who {

    private final Payers payers;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final NphiesProperties properties;

    Who(Payers payers, ClinicCatalog catalog, PatientRegistry patients, NphiesProperties properties) {
        this.payers = payers;
        this.catalog = catalog;
        this.patients = patients;
        this.properties = properties;
    }

    Parties.Provider provider(String centreCode) {
        var centre = catalog.centre(centreCode);
        return payers.provider(centreCode)
                .map(p -> new Parties.Provider(p.providerLicence(), p.locationLicence(), p.baseUrl(), centre.nameEn()))
                .orElseGet(() -> new Parties.Provider(
                        properties.providerLicence(),
                        properties.locationLicence(),
                        properties.baseUrl() + "/" + centreCode,
                        centre.nameEn()));
    }

    PatientDetails patient(java.util.UUID patientId) {
        return patients.find(new PatientId(patientId)).orElseThrow(() -> new NotFoundException("Patient", patientId));
    }

    /** The patient's coverage on a day: the first that has not expired (as finance bills it). */
    Optional<PatientDetails.Coverage> coverage(PatientDetails patient, LocalDate day) {
        return onDay(patient.coverages(), day);
    }

    /** The same, for a patient by id, reading their coverages alone (asked of every booking). */
    Optional<PatientDetails.Coverage> coverage(java.util.UUID patientId, LocalDate day) {
        return onDay(patients.coverages(new PatientId(patientId)), day);
    }

    private static Optional<PatientDetails.Coverage> onDay(
            java.util.List<PatientDetails.Coverage> coverages, LocalDate day) {
        return coverages.stream()
                .filter(c -> c.expiresOn() == null || !c.expiresOn().isBefore(day))
                .findFirst();
    }

    Optional<Payers.Payer> payer(String payerId) {
        return payers.find(payerId).filter(Payers.Payer::active);
    }

    Parties.Member member(PatientDetails p, PatientDetails.Coverage c) {
        String given = p.givenNameEn() != null ? p.givenNameEn() : p.givenNameAr();
        String family = p.familyNameEn() != null ? p.familyNameEn() : p.familyNameAr();
        var document = p.identityDocument();
        return new Parties.Member(
                p.id().value(),
                p.mrn(),
                given == null ? "" : given,
                family == null ? "" : family,
                p.birthDate(),
                p.sex() == null ? "male" : p.sex().name().toLowerCase(),
                document == null ? "PASSPORT" : document.type().name(),
                document == null ? p.mrn() : document.number(),
                document == null ? null : alpha3(document.issuingCountry()),
                c.id(),
                c.memberId(),
                c.policyNumber(),
                c.planClass(),
                c.relationship() == null ? "self" : c.relationship().code(),
                c.subscriberMemberId(),
                c.expiresOn());
    }

    Parties.Practitioner practitioner(ProviderId id, ClinicDetails clinic) {
        if (id == null) {
            return null;
        }
        ProviderDetails provider = catalog.provider(id);
        String discipline = clinic == null ? null : clinic.discipline().name();
        return new Parties.Practitioner(
                provider.id().value(),
                provider.licenceNumber(),
                provider.nameEn(),
                properties.practiceCode(discipline));
    }

    private static String alpha3(String country) {
        if (country == null || country.length() != 2) {
            return country;
        }
        try {
            return new java.util.Locale("", country).getISO3Country();
        } catch (java.util.MissingResourceException e) {
            return country;
        }
    }
}
