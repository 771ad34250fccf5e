package sa.tenhal.clinics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A service, by id. */
public record ServiceId(@JsonValue UUID value) {

    public ServiceId {
        if (value == null) {
            throw new IllegalArgumentException("service id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
