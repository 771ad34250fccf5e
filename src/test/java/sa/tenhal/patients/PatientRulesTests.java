package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.shared.Language;

class PatientRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    final PatientRules rules = new PatientRules(new ClinicTime(
            Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Riyadh")));

    static PatientForm adult() {
        return new PatientForm(
                "سارة",
                "الحربي",
                "Sara",
                "Al-Harbi",
                LocalDate.of(1990, 5, 1),
                Sex.FEMALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, "1848506950", null),
                "0501234567",
                "sara@example.com",
                Language.AR,
                Set.of(ContactChannel.SMS),
                List.of(),
                List.of());
    }

    static PatientForm child(List<PatientForm.GuardianForm> guardians) {
        return new PatientForm(
                "ريان",
                "العتيبي",
                null,
                null,
                LocalDate.of(2020, 1, 1),
                Sex.MALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, "1947090054", null),
                null,
                null,
                Language.AR,
                Set.of(ContactChannel.WHATSAPP),
                guardians,
                List.of());
    }

    static PatientForm.GuardianForm father(boolean primary) {
        return new PatientForm.GuardianForm(
                null, "Faisal Al-Otaibi", GuardianRelation.FATHER, "+966 55 111 2222", primary);
    }

    @Test
    void acceptsAValidAdultAndNormalisesHerMobile() {
        ValidPatient valid = rules.check(adult());
        assertThat(valid.mobile()).isEqualTo("+966501234567");
        assertThat(valid.idNumber()).isEqualTo("1848506950");
    }

    @Test
    void aChildNeedsAGuardianWithExactlyOnePrimaryContact() {
        assertThat(problems(child(List.of())))
                .contains(new FieldProblem("guardians", "a patient under 18 needs at least one guardian"));
        assertThat(problems(child(List.of(father(false)))))
                .extracting(FieldProblem::field)
                .contains("guardians");
        assertThat(problems(child(List.of(father(true), father(true)))))
                .extracting(FieldProblem::field)
                .contains("guardians");
        ValidPatient valid = rules.check(child(List.of(father(true))));
        assertThat(valid.guardians()).singleElement().satisfies(g -> assertThat(g.phone())
                .isEqualTo("+966551112222"));
    }

    @Test
    void listsEveryBrokenRuleAtOnce() {
        PatientForm broken = new PatientForm(
                "Sara",
                null,
                null,
                "Al-Harbi",
                TODAY.plusDays(1),
                Sex.FEMALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, "2454356128", null),
                "0112345678",
                null,
                Language.EN,
                Set.of(ContactChannel.EMAIL),
                List.of(),
                List.of());
        assertThat(problems(broken))
                .extracting(FieldProblem::field)
                .contains(
                        "givenNameEn",
                        "givenNameAr",
                        "familyNameAr",
                        "birthDate",
                        "identityDocument.number",
                        "mobile",
                        "channels");
    }

    @Test
    void aNationalIdBelongsToASaudiAndAnIqamaToSomeoneElse() {
        PatientForm saudiWithIqama = withDocument(adult(), IdentityDocumentType.IQAMA, "2454356128", null);
        assertThat(problems(saudiWithIqama)).contains(new FieldProblem("nationality", "an iqama holder is not Saudi"));
        PatientForm wrongCheckDigit = withDocument(adult(), IdentityDocumentType.NATIONAL_ID, "1848506951", null);
        assertThat(problems(wrongCheckDigit))
                .contains(new FieldProblem("identityDocument.number", "the check digit does not match"));
    }

    @Test
    void aPassportNeedsItsIssuingCountry() {
        PatientForm visitor = withDocument(adult(), IdentityDocumentType.PASSPORT, "a1234567", null);
        assertThat(problems(visitor))
                .contains(new FieldProblem("identityDocument.issuingCountry", "is required for a passport"));
        ValidPatient valid = rules.check(withDocument(adult(), IdentityDocumentType.PASSPORT, "a1234567", "GB"));
        assertThat(valid.idNumber()).isEqualTo("A1234567");
    }

    @Test
    void arabicNamesMustBeArabic() {
        PatientForm latinInArabic = new PatientForm(
                "Sara",
                "Harbi",
                "Sara",
                "Al-Harbi",
                LocalDate.of(1990, 5, 1),
                Sex.FEMALE,
                "SA",
                adult().identityDocument(),
                "0501234567",
                null,
                Language.AR,
                Set.of(),
                List.of(),
                List.of());
        assertThat(problems(latinInArabic)).extracting(FieldProblem::field).contains("givenNameAr", "familyNameAr");
    }

    @Test
    void everySyntheticPatientPassesTheRules() {
        for (int n = 1; n <= 2000; n++) {
            rules.check(SyntheticPatients.patient(n, TODAY));
        }
    }

    private List<FieldProblem> problems(PatientForm form) {
        try {
            rules.check(form);
            throw new AssertionError("expected the rules to refuse " + form);
        } catch (InvalidFieldsException e) {
            return e.errors().stream()
                    .map(p -> new FieldProblem(p.field(), p.reason()))
                    .toList();
        }
    }

    private static PatientForm withDocument(PatientForm f, IdentityDocumentType type, String number, String country) {
        return new PatientForm(
                f.givenNameAr(),
                f.familyNameAr(),
                f.givenNameEn(),
                f.familyNameEn(),
                f.birthDate(),
                f.sex(),
                f.nationality(),
                new PatientForm.IdentityDocumentForm(type, number, country),
                f.mobile(),
                f.email(),
                f.preferredLanguage(),
                f.channels(),
                f.guardians(),
                f.coverages());
    }

    @Test
    void refusesWhenNothingIsChecked() {
        assertThatThrownBy(() -> rules.check(child(List.of()))).isInstanceOf(InvalidFieldsException.class);
    }
}
