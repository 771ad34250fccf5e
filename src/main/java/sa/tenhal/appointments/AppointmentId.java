package sa.tenhal.appointments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** An appointment, by id. */
public record AppointmentId(@JsonValue UUID value) {

    public AppointmentId {
        if (value == null) {
            throw new IllegalArgumentException("appointment id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
