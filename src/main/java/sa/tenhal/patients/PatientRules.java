package sa.tenhal.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.shared.Digits;
import sa.tenhal.shared.NationalId;
import sa.tenhal.shared.PhoneNumber;

/**
 * The registration rules that span fields. Every broken rule is reported at once, each naming its field:
 *
 * <ul>
 *   <li>a full name in Arabic or in English (given and family), Arabic names in Arabic script;
 *   <li>a national ID only for Saudi nationals, an iqama only for others, both with a valid check digit; a passport
 *       with its issuing country;
 *   <li>born today or earlier, and not before 1900;
 *   <li>a minor (under 18) has at least one guardian; with guardians there is exactly one primary contact;
 *   <li>someone can be reached: the patient's mobile or a guardian's; SMS/WhatsApp need a mobile, email an address.
 * </ul>
 */
@Component
class PatientRules {

    static final int ADULT_AGE = 18;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ClinicTime time;

    PatientRules(ClinicTime time) {
        this.time = time;
    }

    ValidPatient check(PatientForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = time.today();

        boolean arabicName = form.givenNameAr() != null && form.familyNameAr() != null;
        boolean englishName = form.givenNameEn() != null && form.familyNameEn() != null;
        if (!arabicName && !englishName) {
            problems.add(FieldProblem.coded(
                    "givenNameEn",
                    "patient.name.required",
                    "give a full name (given and family) in English or in Arabic"));
        }
        if ((form.givenNameAr() == null) != (form.familyNameAr() == null)) {
            problems.add(FieldProblem.coded(
                    form.givenNameAr() == null ? "givenNameAr" : "familyNameAr",
                    "patient.name.arabicIncomplete",
                    "an Arabic name needs both given and family name"));
        }
        if ((form.givenNameEn() == null) != (form.familyNameEn() == null)) {
            problems.add(FieldProblem.coded(
                    form.givenNameEn() == null ? "givenNameEn" : "familyNameEn",
                    "patient.name.englishIncomplete",
                    "an English name needs both given and family name"));
        }
        arabicScript("givenNameAr", form.givenNameAr(), problems);
        arabicScript("familyNameAr", form.familyNameAr(), problems);
        latinScript("givenNameEn", form.givenNameEn(), problems);
        latinScript("familyNameEn", form.familyNameEn(), problems);

        if (form.birthDate() != null && form.birthDate().isAfter(today)) {
            problems.add(FieldProblem.coded("birthDate", "patient.birthDate.future", "cannot be in the future"));
        }
        if (form.birthDate() != null && form.birthDate().getYear() < 1900) {
            problems.add(FieldProblem.coded("birthDate", "patient.birthDate.tooEarly", "must be 1900 or later"));
        }
        if (form.nationality() != null && !COUNTRIES.contains(form.nationality())) {
            problems.add(FieldProblem.coded("nationality", "country.unknown", "is not an ISO 3166 country code"));
        }

        var doc = form.identityDocument();
        String idNumber = null;
        String idCountry = null;
        if (doc != null && doc.type() != null && doc.number() != null) {
            String number = Digits.toAscii(doc.number().strip()).toUpperCase(Locale.ROOT);
            switch (doc.type()) {
                case NATIONAL_ID, IQAMA -> {
                    try {
                        NationalId id = new NationalId(number);
                        boolean citizen = id.kind() == NationalId.Kind.CITIZEN;
                        if (doc.type() == IdentityDocumentType.NATIONAL_ID && !citizen) {
                            problems.add(FieldProblem.coded(
                                    "identityDocument.number",
                                    "patient.identity.nationalIdIsCitizen",
                                    "a national ID starts with 1; 2 is an iqama"));
                        } else if (doc.type() == IdentityDocumentType.IQAMA && citizen) {
                            problems.add(FieldProblem.coded(
                                    "identityDocument.number",
                                    "patient.identity.iqamaIsResident",
                                    "an iqama starts with 2; 1 is a national ID"));
                        }
                        if (doc.type() == IdentityDocumentType.NATIONAL_ID && !"SA".equals(form.nationality())) {
                            problems.add(FieldProblem.coded(
                                    "nationality",
                                    "patient.nationality.mustBeSaudi",
                                    "a national ID holder is Saudi (SA)"));
                        }
                        if (doc.type() == IdentityDocumentType.IQAMA && "SA".equals(form.nationality())) {
                            problems.add(FieldProblem.coded(
                                    "nationality",
                                    "patient.nationality.mustNotBeSaudi",
                                    "an iqama holder is not Saudi"));
                        }
                        idNumber = id.value();
                        idCountry = "SA";
                    } catch (IllegalArgumentException e) {
                        problems.add(FieldProblem.coded(
                                "identityDocument.number",
                                e.getMessage().contains("check digit") ? "identity.checkDigit" : "identity.shape",
                                e.getMessage()));
                    }
                }
                case PASSPORT -> {
                    if (!number.matches("[A-Z0-9]{5,20}")) {
                        problems.add(FieldProblem.coded(
                                "identityDocument.number",
                                "patient.passport.number",
                                "a passport number is 5 to 20 letters or digits"));
                    }
                    if (doc.issuingCountry() == null) {
                        problems.add(FieldProblem.coded(
                                "identityDocument.issuingCountry",
                                "patient.passport.countryRequired",
                                "is required for a passport"));
                    } else if (!COUNTRIES.contains(doc.issuingCountry())) {
                        problems.add(FieldProblem.coded(
                                "identityDocument.issuingCountry",
                                "country.unknown",
                                "is not an ISO 3166 country code"));
                    }
                    idNumber = number;
                    idCountry = doc.issuingCountry();
                }
            }
        }

        String mobile = form.mobile() == null ? null : parseMobile("mobile", form.mobile(), problems);
        List<ValidPatient.ValidGuardian> guardians = new ArrayList<>();
        for (int i = 0; i < form.guardians().size(); i++) {
            var g = form.guardians().get(i);
            String phone = parseMobile("guardians[" + i + "].phone", g.phone(), problems);
            guardians.add(new ValidPatient.ValidGuardian(
                    g.id(), g.name() == null ? null : g.name().strip(), g.relation(), phone, g.primaryContact()));
        }
        boolean minor = form.birthDate() != null
                && form.birthDate().plusYears(ADULT_AGE).isAfter(today);
        if (minor && guardians.isEmpty()) {
            problems.add(FieldProblem.coded(
                    "guardians",
                    "patient.guardians.required",
                    "a patient under " + ADULT_AGE + " needs at least one guardian"));
        }
        long primaries = guardians.stream()
                .filter(ValidPatient.ValidGuardian::primaryContact)
                .count();
        if (!guardians.isEmpty() && primaries != 1) {
            problems.add(FieldProblem.coded(
                    "guardians", "patient.guardians.onePrimary", "exactly one guardian must be the primary contact"));
        }
        boolean someoneReachable = mobile != null || !guardians.isEmpty();
        if (!someoneReachable && form.mobile() == null) {
            problems.add(FieldProblem.coded(
                    "mobile", "patient.contact.required", "give the patient's mobile or a guardian with a phone"));
        }
        if ((form.channels().contains(ContactChannel.SMS) || form.channels().contains(ContactChannel.WHATSAPP))
                && form.mobile() == null
                && guardians.isEmpty()) {
            problems.add(FieldProblem.coded(
                    "channels", "patient.channels.needMobile", "SMS and WhatsApp need a mobile number"));
        }
        if (form.channels().contains(ContactChannel.EMAIL) && form.email() == null) {
            problems.add(FieldProblem.coded("channels", "patient.channels.needEmail", "email needs an email address"));
        }
        for (int i = 0; i < form.coverages().size(); i++) {
            var c = form.coverages().get(i);
            if (c.expiresOn() != null && c.expiresOn().getYear() < 1900) {
                problems.add(FieldProblem.coded(
                        "coverages[" + i + "].expiresOn", "date.implausible", "is not a plausible date"));
            }
        }

        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return new ValidPatient(form, doc.type(), idNumber, idCountry, mobile, guardians);
    }

    private static String parseMobile(String field, String typed, List<FieldProblem> problems) {
        if (typed == null) {
            return null; // required where it is required: field validation says so
        }
        try {
            return PhoneNumber.parseMobile(typed).e164();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.coded(
                    field,
                    e.getMessage().contains("05")
                            ? "phone.notSaudiMobile"
                            : e.getMessage().contains("mobile") ? "phone.notMobile" : "phone.invalid",
                    e.getMessage()));
            return null;
        }
    }

    private static void arabicScript(String field, String name, List<FieldProblem> problems) {
        if (name != null && !name.matches("[\\p{InArabic}\\s'\\-]+")) {
            problems.add(FieldProblem.coded(field, "name.arabicScript", "must be written in Arabic letters"));
        }
    }

    private static void latinScript(String field, String name, List<FieldProblem> problems) {
        if (name != null && !name.matches("[\\p{IsLatin}\\s'.\\-]+")) {
            problems.add(FieldProblem.coded(field, "name.latinScript", "must be written in Latin letters"));
        }
    }
}
