package sa.tenhal.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A staff user, by id. */
public record UserId(@JsonValue UUID value) implements java.io.Serializable {

    public UserId {
        if (value == null) {
            throw new IllegalArgumentException("user id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
