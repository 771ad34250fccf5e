package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.shared.Language;

@TenhalIntegrationTest
class PatientSearchIntegrationTests {

    @Autowired
    PatientRegistry registry;

    String family;
    PatientDetails ahmed;
    PatientDetails child;
    String guardianPhone;

    @BeforeEach
    void register() {
        family = "Qz" + TestPatients.letters();
        String arabicFamily = "الفَيْفِي" + arabicLetters();
        ahmed = registry.register(
                new PatientForm(
                        "أحمد",
                        arabicFamily,
                        "Ahmed",
                        family,
                        LocalDate.of(1980, 1, 2),
                        Sex.MALE,
                        "SA",
                        new PatientForm.IdentityDocumentForm(
                                IdentityDocumentType.NATIONAL_ID, TestPatients.nationalId(), null),
                        TestPatients.mobile(),
                        null,
                        Language.AR,
                        Set.of(ContactChannel.SMS),
                        List.of(),
                        List.of()),
                true,
                "RYD");
        guardianPhone = TestPatients.mobile();
        child = registry.register(
                new PatientForm(
                        "جود",
                        arabicFamily,
                        "Joud",
                        family,
                        LocalDate.of(2018, 1, 2),
                        Sex.FEMALE,
                        "SA",
                        new PatientForm.IdentityDocumentForm(
                                IdentityDocumentType.NATIONAL_ID, TestPatients.nationalId(), null),
                        null,
                        null,
                        Language.AR,
                        Set.of(ContactChannel.SMS),
                        List.of(new PatientForm.GuardianForm(
                                null, "Ahmed", GuardianRelation.FATHER, guardianPhone, true)),
                        List.of()),
                true,
                "RYD");
    }

    static String arabicLetters() {
        String letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";
        StringBuilder s = new StringBuilder();
        long n = TestPatients.unique();
        for (int i = 0; i < 5; i++) {
            s.append(letters.charAt((int) (n % letters.length())));
            n /= letters.length();
        }
        return s.toString();
    }

    List<PatientId> find(String q) {
        return registry.search(q, null, null, null, null, 0, 20).content().stream()
                .map(PatientSearchHit::id)
                .toList();
    }

    @Test
    void findsByPartialEnglishNameIgnoringCase() {
        assertThat(find("ahm " + family.toUpperCase())).containsExactly(ahmed.id());
        assertThat(find(family.substring(1, 6))).containsExactlyInAnyOrder(ahmed.id(), child.id());
        assertThat(find("jo " + family)).containsExactly(child.id()); // a two-letter word matches the start of a name
    }

    @Test
    void findsArabicNamesWhateverTheHamzaAndDiacritics() {
        String arabicFamily = NameNormalizer.normalize(ahmed.familyNameAr());
        assertThat(find("احمد " + arabicFamily)).containsExactly(ahmed.id());
        assertThat(find("أَحْمَد " + ahmed.familyNameAr())).containsExactly(ahmed.id());
        // without the article "ال"
        assertThat(find("احمد " + arabicFamily.substring(2))).containsExactly(ahmed.id());
    }

    @Test
    void findsByPhoneInAnyFormIncludingAGuardiansPhone() {
        String local = ahmed.mobile().replace("+966", "0");
        assertThat(find(local)).containsExactly(ahmed.id());
        assertThat(find(ahmed.mobile())).containsExactly(ahmed.id());
        assertThat(find(guardianPhone)).containsExactly(child.id());
        assertThat(registry.search(null, null, guardianPhone, null, null, 0, 20).content())
                .extracting(PatientSearchHit::id)
                .containsExactly(child.id());
    }

    @Test
    void findsByRecordNumberAndIdentityNumber() {
        assertThat(find(ahmed.mrn())).containsExactly(ahmed.id());
        assertThat(find(ahmed.identityDocument().number())).containsExactly(ahmed.id());
        assertThat(registry.search(
                                null, null, null, null, child.identityDocument().number(), 0, 20)
                        .content())
                .extracting(PatientSearchHit::id)
                .containsExactly(child.id());
    }

    @Test
    void pagesWithoutCountingEverything() {
        var first = registry.search(family, null, null, null, null, 0, 1);
        assertThat(first.content()).hasSize(1);
        assertThat(first.hasMore()).isTrue();
        var second = registry.search(family, null, null, null, null, 1, 1);
        assertThat(second.content()).hasSize(1);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void archivedPatientsAreNotFound() {
        registry.archive(child.id(), "test");
        assertThat(find(family)).containsExactly(ahmed.id());
    }
}
