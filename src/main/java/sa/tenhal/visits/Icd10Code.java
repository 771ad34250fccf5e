package sa.tenhal.visits;

import sa.tenhal.shared.Language;

/** An ICD-10 code with its title in English and Arabic. */
public record Icd10Code(String code, String titleEn, String titleAr) {

    /** The shape of an ICD-10 code: a letter, two digits, optionally a dot and one to four more characters. */
    public static final String PATTERN = "[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?";

    public String title(Language language) {
        return language == Language.AR ? titleAr : titleEn;
    }
}
