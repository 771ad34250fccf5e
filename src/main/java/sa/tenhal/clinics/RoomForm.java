package sa.tenhal.clinics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A room as created or replaced. Its clinic and code cannot change. */
public record RoomForm(
        @NotNull UUID clinicId,

        @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,10}", message = "{tenhal.validation.room-code}")
        String code,

        @NotBlank @Size(max = 100) String nameEn,
        @NotBlank @Size(max = 100) String nameAr,
        @NotNull RoomKind kind) {}
