package sa.tenhal.finance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A patient package, by id. */
public record PackageId(@JsonValue UUID value) {

    public PackageId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
