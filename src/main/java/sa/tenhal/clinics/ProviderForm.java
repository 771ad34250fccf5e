package sa.tenhal.clinics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/**
 * A provider as created or replaced. The linked staff user cannot change.
 *
 * @param licenceNumber the professional registration (Saudi Commission for Health Specialties)
 */
public record ProviderForm(
        @NotNull UUID userId,
        @NotBlank @Size(max = 150) String nameEn,
        @NotBlank @Size(max = 150) String nameAr,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,30}", message = "{tenhal.validation.licence-number}")
        String licenceNumber,

        @NotBlank @Size(max = 100) String specialty,
        @NotEmpty Set<@NotNull UUID> clinicIds) {}
