package sa.tenhal.clinics;

import java.util.UUID;
import sa.tenhal.shared.CentreCode;

/** A centre: its names, tax identity and address. */
public record CentreDetails(
        UUID id,
        String code,
        String nameEn,
        String nameAr,
        String vatNumber,
        String crNumber,
        String phone,
        String street,
        String buildingNumber,
        String district,
        String city,
        String postalCode,
        String streetAr,
        String districtAr,
        String cityAr,
        boolean active,
        long version) {

    /** A centre whose address is known in English (Latin) only. */
    public CentreDetails(
            UUID id,
            String code,
            String nameEn,
            String nameAr,
            String vatNumber,
            String crNumber,
            String phone,
            String street,
            String buildingNumber,
            String district,
            String city,
            String postalCode,
            boolean active,
            long version) {
        this(
                id,
                code,
                nameEn,
                nameAr,
                vatNumber,
                crNumber,
                phone,
                street,
                buildingNumber,
                district,
                city,
                postalCode,
                null,
                null,
                null,
                active,
                version);
    }

    /**
     * The national address as one line in a language: building number and street, district, city and postal code
     * (the Arabic street, district and city where the centre has them).
     */
    public String address(sa.tenhal.shared.Language language) {
        boolean ar = language == sa.tenhal.shared.Language.AR;
        String s = ar && streetAr != null ? streetAr : street;
        String d = ar && districtAr != null ? districtAr : district;
        String c = ar && cityAr != null ? cityAr : city;
        String first = java.util.stream.Stream.of(buildingNumber, s)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        String last = java.util.stream.Stream.of(c, postalCode)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
        return java.util.stream.Stream.of(first, d, last)
                .filter(x -> x != null && !x.isBlank())
                .collect(java.util.stream.Collectors.joining(ar ? "، " : ", "));
    }

    public CentreCode centreCode() {
        return new CentreCode(code);
    }
}
