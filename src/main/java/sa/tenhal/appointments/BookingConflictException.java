package sa.tenhal.appointments;

import java.util.List;
import sa.tenhal.platform.ConflictException;

/** A booking would overlap existing appointments (409); {@code conflicts} lists every one of them. */
public class BookingConflictException extends ConflictException {

    private final List<Conflict> conflicts;

    BookingConflictException(List<Conflict> conflicts) {
        super(
                "slot-taken",
                "The time is taken",
                conflicts.size() == 1
                        ? "Overlaps the " + conflicts.get(0).kind().name().toLowerCase() + "'s appointment "
                                + conflicts.get(0).appointmentId() + " at "
                                + conflicts.get(0).startsAt()
                        : "Overlaps " + conflicts.size() + " appointments");
        this.conflicts = List.copyOf(conflicts);
        with("conflicts", this.conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
