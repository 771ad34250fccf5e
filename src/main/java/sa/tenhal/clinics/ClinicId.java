package sa.tenhal.clinics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A clinic, by id. */
public record ClinicId(@JsonValue UUID value) {

    public ClinicId {
        if (value == null) {
            throw new IllegalArgumentException("clinic id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
