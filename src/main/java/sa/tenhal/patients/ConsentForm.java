package sa.tenhal.patients;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/**
 * A consent as recorded. A patient under 18 consents through a guardian; then {@code guardianId} names which.
 *
 * @param textVersion the version of the consent text that was signed, e.g. {@code TREAT-2026.1}
 * @param givenAt when it was signed; defaults to now
 */
public record ConsentForm(
        @NotNull ConsentKind kind,
        @NotNull GivenBy givenBy,
        UUID guardianId,
        @NotBlank @Size(max = 30) String textVersion,
        @PastOrPresent Instant givenAt) {

    public enum GivenBy {
        PATIENT,
        GUARDIAN
    }
}
