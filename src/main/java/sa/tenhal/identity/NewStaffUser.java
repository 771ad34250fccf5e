package sa.tenhal.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import sa.tenhal.shared.Language;

/**
 * A staff user to create. Without a password the user gets a link to set one (the welcome email).
 *
 * @param username sign-in name: 3 to 50 lower-case letters, digits, dots, dashes or underscores
 */
public record NewStaffUser(
        @NotBlank @Pattern(regexp = "[a-z0-9._-]{3,50}", message = "{tenhal.validation.username}")
        String username,

        @NotBlank @Size(max = 100) String fullNameEn,
        @Size(max = 100) String fullNameAr,
        @NotBlank @Email @Size(max = 254) String email,
        @NotEmpty Set<@NotNull Role> roles,
        Language language,

        @Size(min = 10, max = 128, message = "{tenhal.validation.password-length}")
        String password) {

    public NewStaffUser {
        if (username != null) {
            username = username.strip().toLowerCase(java.util.Locale.ROOT);
        }
        if (language == null) {
            language = Language.AR;
        }
    }
}
