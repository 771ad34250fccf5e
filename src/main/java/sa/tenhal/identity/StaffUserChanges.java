package sa.tenhal.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import sa.tenhal.shared.Language;

/** The whole changeable state of a staff user (a replacement, not a patch). The username never changes. */
public record StaffUserChanges(
        @NotBlank @Size(max = 100) String fullNameEn,
        @Size(max = 100) String fullNameAr,
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty Set<@NotNull Role> roles,
        @NotNull Language language,
        @NotNull Boolean enabled) {}
