package sa.tenhal.shared;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A centre (one site of a clinic group) by its short code, e.g. {@code RYD}. Documents are numbered per centre:
 * patient files, invoices. Upper-case letters and digits, 2 to 10 characters.
 */
public record CentreCode(@JsonValue String value) {

    public CentreCode {
        if (value == null || !value.matches("[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("a centre code is 2 to 10 upper-case letters or digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
