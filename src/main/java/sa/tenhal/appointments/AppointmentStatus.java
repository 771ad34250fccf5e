package sa.tenhal.appointments;

import java.util.EnumSet;
import java.util.Set;

/** Where an appointment is in its life; see {@code docs/appointments.md} for the allowed transitions. */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    ARRIVED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    /** Statuses that hold their time: the provider, room and patient cannot be booked over them. */
    public static final Set<AppointmentStatus> HOLDING_TIME =
            EnumSet.of(BOOKED, CONFIRMED, ARRIVED, IN_PROGRESS, COMPLETED);

    /** Statuses still ahead of the visit: they can be confirmed, moved, cancelled or marked no-show. */
    public static final Set<AppointmentStatus> UPCOMING = EnumSet.of(BOOKED, CONFIRMED);

    public boolean holdsTime() {
        return HOLDING_TIME.contains(this);
    }
}
