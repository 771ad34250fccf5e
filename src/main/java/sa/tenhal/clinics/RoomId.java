package sa.tenhal.clinics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A room, by id. */
public record RoomId(@JsonValue UUID value) {

    public RoomId {
        if (value == null) {
            throw new IllegalArgumentException("room id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
