package sa.tenhal.clinics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import sa.tenhal.platform.validation.Phone;

/** A clinic as created or replaced. The centre and code cannot change once created. */
public record ClinicForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}", message = "{tenhal.validation.centre-code}")
        String centreCode,

        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,10}", message = "{tenhal.validation.clinic-code}")
        String code,

        @NotBlank @Size(max = 150) String nameEn,
        @NotBlank @Size(max = 150) String nameAr,
        @NotNull Discipline discipline,
        @Phone String phone) {}
