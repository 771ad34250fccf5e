package sa.tenhal.finance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A package definition, by id. */
public record PackageDefinitionId(@JsonValue UUID value) {

    public PackageDefinitionId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
