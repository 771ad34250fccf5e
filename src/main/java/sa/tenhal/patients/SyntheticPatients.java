package sa.tenhal.patients;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import sa.tenhal.shared.Language;
import sa.tenhal.shared.NationalId;

/**
 * Believable patients with Arabic and English names, valid identity numbers and Saudi mobiles, generated
 * deterministically from a number: the same number always gives the same patient. Used for the demo data and the
 * search benchmark; never for real records.
 */
final class SyntheticPatients {

    private record Name(String en, String ar) {}

    private static final List<Name> BOYS = names(
            "Mohammed:محمد",
            "Abdullah:عبدالله",
            "Abdulrahman:عبدالرحمن",
            "Faisal:فيصل",
            "Khalid:خالد",
            "Saud:سعود",
            "Turki:تركي",
            "Omar:عمر",
            "Yousef:يوسف",
            "Ahmed:أحمد",
            "Fahad:فهد",
            "Sultan:سلطان",
            "Nawaf:نواف",
            "Rayan:ريان",
            "Hamad:حمد",
            "Ibrahim:إبراهيم",
            "Ali:علي",
            "Hassan:حسن",
            "Ziyad:زياد",
            "Majed:ماجد",
            "Badr:بدر",
            "Talal:طلال",
            "Bandar:بندر",
            "Mishal:مشعل",
            "Osama:أسامة");
    private static final List<Name> GIRLS = names(
            "Noura:نورة",
            "Sara:سارة",
            "Reem:ريم",
            "Lama:لمى",
            "Hessa:حصة",
            "Fatimah:فاطمة",
            "Aisha:عائشة",
            "Maha:مها",
            "Jawaher:جواهر",
            "Lulwa:لولوة",
            "Dana:دانة",
            "Joud:جود",
            "Layan:ليان",
            "Ghala:غلا",
            "Shahad:شهد",
            "Rahaf:رهف",
            "Haya:هيا",
            "Amal:أمل",
            "Asma:أسماء",
            "Wejdan:وجدان",
            "Mariam:مريم",
            "Razan:رزان",
            "Ruba:ربى",
            "Lina:لينا",
            "Hala:هالة");
    private static final List<Name> FAMILIES = names(
            "Al-Harbi:الحربي",
            "Al-Otaibi:العتيبي",
            "Al-Qahtani:القحطاني",
            "Al-Ghamdi:الغامدي",
            "Al-Zahrani:الزهراني",
            "Al-Dosari:الدوسري",
            "Al-Shehri:الشهري",
            "Al-Mutairi:المطيري",
            "Al-Anazi:العنزي",
            "Al-Shammari:الشمري",
            "Al-Subaie:السبيعي",
            "Al-Rashidi:الرشيدي",
            "Al-Malki:المالكي",
            "Al-Juhani:الجهني",
            "Al-Harthi:الحارثي",
            "Al-Qurashi:القرشي",
            "Al-Asmari:الأسمري",
            "Al-Omari:العمري",
            "Al-Sulami:السلمي",
            "Al-Bishi:البيشي",
            "Al-Tamimi:التميمي",
            "Al-Khalidi:الخالدي",
            "Al-Yami:اليامي",
            "Al-Balawi:البلوي",
            "Al-Ruwaili:الرويلي",
            "Al-Saleh:الصالح",
            "Al-Fahad:الفهد",
            "Al-Nasser:الناصر",
            "Al-Hamad:الحمد",
            "Al-Sheikh:الشيخ",
            "Al-Amri:العمري",
            "Al-Kathiri:الكثيري",
            "Al-Enezi:العنزي",
            "Al-Hajri:الهاجري",
            "Al-Marri:المري",
            "Al-Khaldi:الخالدي",
            "Al-Sahli:السهلي",
            "Al-Obaidi:العبيدي",
            "Al-Hazmi:الحازمي",
            "Al-Faifi:الفيفي");
    private static final List<String> EXPAT_NATIONALITIES = List.of("EG", "JO", "SY", "YE", "SD", "PK", "IN");

    private SyntheticPatients() {}

    /** The {@code n}-th synthetic patient; children (about 70 %) come with a father as primary guardian. */
    static PatientForm patient(long n, LocalDate today) {
        Random random = new Random(n * 7919L + 17);
        boolean girl = random.nextBoolean();
        Name given = (girl ? GIRLS : BOYS).get(random.nextInt(25));
        Name family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        boolean child = random.nextInt(10) < 7;
        LocalDate birth = child
                ? today.minusYears(2 + random.nextInt(14)).minusDays(random.nextInt(365))
                : today.minusYears(20 + random.nextInt(50)).minusDays(random.nextInt(365));
        boolean citizen = random.nextInt(10) < 8;
        String nationality = citizen ? "SA" : EXPAT_NATIONALITIES.get(random.nextInt(EXPAT_NATIONALITIES.size()));
        String idNumber = identityNumber(citizen ? '1' : '2', n);
        var document = new PatientForm.IdentityDocumentForm(
                citizen ? IdentityDocumentType.NATIONAL_ID : IdentityDocumentType.IQAMA, idNumber, null);
        List<PatientForm.GuardianForm> guardians = new ArrayList<>();
        String mobile = null;
        if (child) {
            Name father = BOYS.get(random.nextInt(25));
            guardians.add(new PatientForm.GuardianForm(
                    null, father.en() + " " + family.en(), GuardianRelation.FATHER, mobile(n, 0), true));
            if (random.nextBoolean()) {
                Name mother = GIRLS.get(random.nextInt(25));
                guardians.add(new PatientForm.GuardianForm(
                        null,
                        mother.en() + " "
                                + FAMILIES.get(random.nextInt(FAMILIES.size())).en(),
                        GuardianRelation.MOTHER,
                        mobile(n, 1),
                        false));
            }
        } else {
            mobile = mobile(n, 0);
        }
        String email = child ? null : given.en().toLowerCase() + "." + n + "@example.com";
        Set<ContactChannel> channels = email == null
                ? Set.of(ContactChannel.SMS, ContactChannel.WHATSAPP)
                : Set.of(ContactChannel.SMS, ContactChannel.EMAIL);
        Language language = random.nextInt(10) < 7 ? Language.AR : Language.EN;
        return new PatientForm(
                given.ar(),
                family.ar(),
                given.en(),
                family.en(),
                birth,
                girl ? Sex.FEMALE : Sex.MALE,
                nationality,
                document,
                mobile,
                email,
                language,
                channels,
                guardians,
                List.of());
    }

    /** A valid 10-digit identity number, unique per {@code n}: prefix, 8 digits of n, Luhn check digit. */
    static String identityNumber(char prefix, long n) {
        String first = prefix + "%08d".formatted(n % 100_000_000L);
        return first + NationalId.checkDigitFor(first);
    }

    /** A Saudi mobile in the 05x range, unique per {@code n} and slot. */
    static String mobile(long n, int slot) {
        long number = (n * 2 + slot) % 100_000_000L;
        return "05" + (slot == 0 ? "5" : "0") + "%07d".formatted(number % 10_000_000L);
    }

    private static List<Name> names(String... pairs) {
        List<Name> list = new ArrayList<>();
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            list.add(new Name(parts[0], parts[1]));
        }
        return List.copyOf(list);
    }
}
