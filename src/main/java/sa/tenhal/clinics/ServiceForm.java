package sa.tenhal.clinics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import sa.tenhal.platform.validation.Money;

/**
 * A service as created or replaced. Its clinic and code cannot change.
 *
 * @param durationMinutes 5 to 480, in steps of 5
 * @param bufferMinutes time kept free after the service, 0 to 120
 * @param price in SAR, before VAT
 * @param roomKind the room the service needs, or none
 * @param billingCode the code an insurance claim bills the service under (e.g. NPHIES {@code 83620-00-10}), or none
 * @param insuranceServiceType the code system of {@code billingCode}
 */
public record ServiceForm(
        @NotNull UUID clinicId,

        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}", message = "{tenhal.validation.service-code}")
        String code,

        @NotBlank @Size(max = 150) String nameEn,
        @NotBlank @Size(max = 150) String nameAr,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @Min(0) @Max(120) Integer bufferMinutes,
        @NotNull @Money BigDecimal price,
        VatCategory vatCategory,
        RoomKind roomKind,

        @Pattern(regexp = "[A-Za-z0-9.-]{1,30}", message = "{tenhal.validation.billing-code}")
        String billingCode,

        InsuranceServiceType insuranceServiceType) {

    /** A service that is not billed to insurance. */
    public ServiceForm(
            UUID clinicId,
            String code,
            String nameEn,
            String nameAr,
            Integer durationMinutes,
            Integer bufferMinutes,
            BigDecimal price,
            VatCategory vatCategory,
            RoomKind roomKind) {
        this(clinicId, code, nameEn, nameAr, durationMinutes, bufferMinutes, price, vatCategory, roomKind, null, null);
    }
}
