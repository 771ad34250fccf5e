package sa.tenhal.finance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A payment, by id. */
public record PaymentId(@JsonValue UUID value) {

    public PaymentId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
