package sa.tenhal.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/** New identifiers for aggregates: RFC 9562 version 7 UUIDs, time-ordered so that primary-key indexes stay compact. */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID newId() {
        return GENERATOR.generate();
    }

    /**
     * The ids as a PostgreSQL array literal ({@code {a,b}}), to bind as one parameter and {@code cast(? as uuid[])}:
     * one statement for any number of ids, and an empty list is no special case.
     */
    public static String sqlArray(java.util.Collection<UUID> ids) {
        StringBuilder literal = new StringBuilder("{");
        for (UUID id : ids) {
            literal.append(literal.length() > 1 ? "," : "").append(id);
        }
        return literal.append('}').toString();
    }
}
