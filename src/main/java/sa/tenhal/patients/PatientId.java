package sa.tenhal.patients;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A patient, by id. Other modules keep this, never a reference to the patient's row. */
public record PatientId(@JsonValue UUID value) {

    public PatientId {
        if (value == null) {
            throw new IllegalArgumentException("patient id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
