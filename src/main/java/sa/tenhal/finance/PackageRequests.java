package sa.tenhal.finance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.platform.validation.Money;

/** What clients send to packages. */
public final class PackageRequests {

    private PackageRequests() {}

    /** A package for sale at a centre: sessions of the covered services, price before VAT, validity in days. */
    public record Definition(
            @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String centreCode,
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,20}") String code,
            @NotBlank @Size(max = 150) String nameEn,
            @NotBlank @Size(max = 150) String nameAr,
            @NotNull @Min(1) @Max(200) Integer sessions,
            @NotNull @Money BigDecimal price,
            @NotNull @Min(1) @Max(1000) Integer validityDays,
            @NotEmpty Set<UUID> serviceIds) {}

    /** A patient buys a package: an invoice is issued; the package is active once it is paid. */
    public record Purchase(@NotNull UUID patientId, @NotNull UUID definitionId) {}

    public record Refund(@NotBlank @Size(max = 300) String reason) {}
}
