package sa.tenhal.visits;

import java.util.UUID;

/** The id of a visit record (the encounter of one appointment). */
public record VisitId(UUID value) {

    public VisitId {
        if (value == null) {
            throw new IllegalArgumentException("a visit id has a value");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
