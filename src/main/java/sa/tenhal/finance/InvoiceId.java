package sa.tenhal.finance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A invoice (or credit or debit note), by id. */
public record InvoiceId(@JsonValue UUID value) {

    public InvoiceId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
