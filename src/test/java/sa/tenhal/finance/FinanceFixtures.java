package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.Unique;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.Sex;
import sa.tenhal.shared.Language;

/** A fresh centre with a clinic and services, and patients of each kind (citizen, resident, insured). */
final class FinanceFixtures {

    final String centre;
    final ClinicDetails clinic;
    final ServiceDetails speech;
    final ServiceDetails assessment;
    final ServiceDetails brace;

    private final PatientRegistry patients;

    FinanceFixtures(CatalogAdministration catalog, PatientRegistry patients) {
        this.patients = patients;
        this.centre = Unique.code("F");
        catalog.createCentre(new CentreForm(
                centre,
                "Tenhal Child Development Centre",
                "مركز تنهال لتنمية الطفل",
                "310122393500003",
                "1010101010",
                null,
                "King Fahd Road",
                "1234",
                "Al Olaya",
                "Riyadh",
                "12211",
                "طريق الملك فهد",
                "العليا",
                "الرياض"));
        clinic = catalog.createClinic(
                new ClinicForm(centre, "SLP", "Speech-language", "النطق واللغة", Discipline.SPEECH_LANGUAGE, null));
        speech = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SLP-S",
                "Speech therapy session",
                "جلسة علاج النطق",
                45,
                0,
                new BigDecimal("350.00"),
                VatCategory.STANDARD,
                null));
        assessment = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SLP-A",
                "Speech assessment",
                "تقييم النطق",
                60,
                0,
                new BigDecimal("333.33"),
                VatCategory.STANDARD,
                null));
        brace = catalog.createService(new ServiceForm(
                clinic.id().value(),
                "SLP-M",
                "Oral motor kit",
                "أدوات الحركة الفموية",
                5,
                0,
                new BigDecimal("99.99"),
                VatCategory.ZERO_RATED,
                null));
    }

    /** A 45-minute visit of {@code patient} to this clinic for {@code service}, completed and ready to bill. */
    CompletedVisit visit(PatientDetails patient, ServiceDetails service) {
        Instant start = Instant.parse("2026-11-20T07:00:00Z");
        return new CompletedVisit(
                UUID.randomUUID(), patient.id(), clinic.id(), null, service.id(), start, start.plusSeconds(2700));
    }

    PatientDetails citizen() {
        return register(IdentityDocumentType.NATIONAL_ID, '1', "SA", List.of());
    }

    PatientDetails resident() {
        return register(IdentityDocumentType.IQAMA, '2', "EG", List.of());
    }

    PatientDetails insuredCitizen() {
        return register(
                IdentityDocumentType.NATIONAL_ID,
                '1',
                "SA",
                List.of(new PatientForm.CoverageForm(
                        null, "INS-BUPA", "Bupa Arabia", "M-" + unique(), "P-1", "A", LocalDate.of(2099, 1, 1))));
    }

    private PatientDetails register(
            IdentityDocumentType type, char prefix, String nationality, List<PatientForm.CoverageForm> coverages) {
        String number = Unique.identityNumber(prefix);
        return patients.register(
                new PatientForm(
                        "سارة",
                        "العتيبي",
                        "Sara",
                        "Otaibi " + letters(),
                        LocalDate.of(1988, 5, 1),
                        Sex.FEMALE,
                        nationality,
                        new PatientForm.IdentityDocumentForm(type, number, null),
                        "056" + "%07d".formatted(unique() % 10_000_000L),
                        "sara" + unique() + "@example.test",
                        Language.AR,
                        Set.of(ContactChannel.EMAIL),
                        List.of(),
                        coverages),
                true,
                centre);
    }

    static String letters() {
        StringBuilder b = new StringBuilder();
        long n = unique();
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + n % 26));
            n /= 26;
        }
        return b.toString();
    }

    static long unique() {
        return Unique.between(10_000_000L, 100_000_000L);
    }
}
