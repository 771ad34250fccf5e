package sa.tenhal.clinics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A provider, by id. */
public record ProviderId(@JsonValue UUID value) {

    public ProviderId {
        if (value == null) {
            throw new IllegalArgumentException("provider id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
