package sa.tenhal.clinics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A centre's details as created or replaced. The VAT number and address follow ZATCA's rules for invoices. */
public record CentreForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}", message = "{tenhal.validation.centre-code}")
        String code,

        @NotBlank @Size(max = 150) String nameEn,
        @NotBlank @Size(max = 150) String nameAr,

        @Pattern(regexp = "3\\d{13}3", message = "{tenhal.validation.vat-number}")
        String vatNumber,

        @Pattern(regexp = "\\d{10}", message = "{tenhal.validation.cr-number}")
        String crNumber,

        @sa.tenhal.platform.validation.Phone String phone,
        @Size(max = 150) String street,

        @Pattern(regexp = "\\d{4}", message = "{tenhal.validation.building-number}")
        String buildingNumber,

        @Size(max = 100) String district,
        @Size(max = 100) String city,

        @Pattern(regexp = "\\d{5}", message = "{tenhal.validation.postal-code}")
        String postalCode,

        @Size(max = 150) String streetAr,
        @Size(max = 100) String districtAr,
        @Size(max = 100) String cityAr) {

    /** A centre whose address is given in English (Latin) only. */
    public CentreForm(
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
            String postalCode) {
        this(
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
                null);
    }
}
