package sa.tenhal.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import sa.tenhal.Unique;
import sa.tenhal.shared.Language;

/** Patient forms for tests, each with an identity number and mobile no other test uses. */
final class TestPatients {

    private TestPatients() {}

    static long unique() {
        return Unique.between(10_000_000L, 100_000_000L);
    }

    static String nationalId() {
        return Unique.identityNumber('1');
    }

    static String mobile() {
        return "054" + Unique.digits(7);
    }

    /** An adult Saudi with a unique ID, mobile and (random-suffixed) English family name. */
    static PatientForm adult(String givenEn, String familyEn, String givenAr, String familyAr) {
        return new PatientForm(
                givenAr,
                familyAr,
                givenEn,
                familyEn,
                LocalDate.of(1985, 3, (int) (unique() % 28) + 1),
                Sex.FEMALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, nationalId(), null),
                mobile(),
                null,
                Language.AR,
                Set.of(ContactChannel.SMS),
                List.of(),
                List.of());
    }

    static PatientForm adult() {
        return adult("Test", "Patient" + letters(), null, null);
    }

    /** A child with a father as primary guardian. */
    static PatientForm child() {
        return new PatientForm(
                "ليان",
                "القحطاني",
                "Layan",
                "Qahtani" + letters(),
                LocalDate.of(2019, 6, 15),
                Sex.FEMALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, nationalId(), null),
                null,
                null,
                Language.AR,
                Set.of(ContactChannel.WHATSAPP),
                List.of(new PatientForm.GuardianForm(null, "Saad Al-Qahtani", GuardianRelation.FATHER, mobile(), true)),
                List.of());
    }

    static String letters() {
        StringBuilder s = new StringBuilder();
        long n = unique();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + n % 26));
            n /= 26;
        }
        return s.toString();
    }

    static PatientForm withMobile(PatientForm f, String mobile) {
        return new PatientForm(
                f.givenNameAr(),
                f.familyNameAr(),
                f.givenNameEn(),
                f.familyNameEn(),
                f.birthDate(),
                f.sex(),
                f.nationality(),
                f.identityDocument(),
                mobile,
                f.email(),
                f.preferredLanguage(),
                f.channels(),
                f.guardians(),
                f.coverages());
    }

    static PatientForm withIdentity(PatientForm f, String number) {
        return new PatientForm(
                f.givenNameAr(),
                f.familyNameAr(),
                f.givenNameEn(),
                f.familyNameEn(),
                f.birthDate(),
                f.sex(),
                f.nationality(),
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, number, null),
                f.mobile(),
                f.email(),
                f.preferredLanguage(),
                f.channels(),
                f.guardians(),
                f.coverages());
    }

    static PatientForm withEmail(PatientForm f, String email) {
        return new PatientForm(
                f.givenNameAr(),
                f.familyNameAr(),
                f.givenNameEn(),
                f.familyNameEn(),
                f.birthDate(),
                f.sex(),
                f.nationality(),
                f.identityDocument(),
                f.mobile(),
                email,
                f.preferredLanguage(),
                f.channels(),
                f.guardians(),
                f.coverages());
    }
}
