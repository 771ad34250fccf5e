package sa.tenhal.clinics;

import sa.tenhal.shared.Language;

/** A clinic as other modules see it. */
public record ClinicDetails(
        ClinicId id,
        String centreCode,
        String code,
        String nameEn,
        String nameAr,
        Discipline discipline,
        String phone,
        boolean active,
        long version) {

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }
}
