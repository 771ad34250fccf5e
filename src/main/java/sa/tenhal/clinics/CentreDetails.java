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
        boolean active,
        long version) {

    public CentreCode centreCode() {
        return new CentreCode(code);
    }
}
