package sa.tenhal.appointments.confirmation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConfirmationRepository extends JpaRepository<AppointmentConfirmation, UUID> {

    @Query("select c from AppointmentConfirmation c where c.appointmentId = ?1 order by c.createdAt desc, c.id desc")
    List<AppointmentConfirmation> ofAppointment(UUID appointmentId);

    default Optional<AppointmentConfirmation> latest(UUID appointmentId) {
        return ofAppointment(appointmentId).stream().findFirst();
    }

    @Query("select c from AppointmentConfirmation c where c.appointmentId = ?1 and c.status = 'PENDING'")
    Optional<AppointmentConfirmation> pendingOf(UUID appointmentId);

    /** Pending and not expired, for appointments starting before {@code until}; soonest first. */
    @Query("select c from AppointmentConfirmation c where c.status = 'PENDING' and c.expiresAt > ?1"
            + " and c.appointmentStartsAt > ?1 and c.appointmentStartsAt < ?2 order by c.appointmentStartsAt, c.id")
    List<AppointmentConfirmation> pendingStartingBefore(Instant now, Instant until);

    @Query("select c from AppointmentConfirmation c where c.status = 'PENDING' and c.expiresAt <= ?1")
    List<AppointmentConfirmation> pendingExpiredAt(Instant now);

    /** Valid requests whose last message went to this mobile, soonest appointment first. */
    @Query("select c from AppointmentConfirmation c where c.status = 'PENDING' and c.expiresAt > ?2"
            + " and c.replyMobile = ?1 order by c.appointmentStartsAt, c.id")
    List<AppointmentConfirmation> pendingForMobile(String mobile, Instant now);
}
