package sa.tenhal.appointments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.NotFoundException;

/**
 * The desk's "to rebook" list: a visit the patient declined (with the reason in their words), the clinic cancelled,
 * or the patient missed goes on it; booking the patient again for the same service clears it (one step from the
 * list: the booking page opens with patient, service and provider chosen), and staff may dismiss an entry. A cancelled
 * visit that was already over does not go on it, nor one whose patient was booked again for the service meanwhile.
 */
@Service
@Transactional
public class ToRebook {

    /** The prefix of a declined appointment's cancellation reason (as the confirmation workflow writes it). */
    static final String DECLINED = "declined by patient";

    private final JdbcClient jdbc;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;

    ToRebook(JdbcClient jdbc, ClinicTime time, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.time = time;
        this.events = events;
    }

    /** The open entries, oldest visit first; of one clinic when {@code clinic} is given. */
    @Transactional(readOnly = true)
    public List<RebookEntry> open(ClinicId clinic) {
        return jdbc.sql("select * from rebook_entry where cleared_at is null"
                        + " and (cast(:clinic as uuid) is null or clinic_id = :clinic)"
                        + " order by starts_at, id limit 500")
                .param("clinic", clinic == null ? null : clinic.value())
                .query((rs, n) -> new RebookEntry(
                        rs.getObject("id", UUID.class),
                        new AppointmentId(rs.getObject("appointment_id", UUID.class)),
                        new PatientId(rs.getObject("patient_id", UUID.class)),
                        new ClinicId(rs.getObject("clinic_id", UUID.class)),
                        new ProviderId(rs.getObject("provider_id", UUID.class)),
                        new ServiceId(rs.getObject("service_id", UUID.class)),
                        rs.getTimestamp("starts_at").toInstant(),
                        RebookEntry.Why.valueOf(rs.getString("why")),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Staff take an entry off the list without booking (the patient does not want another time). */
    public void dismiss(UUID entry) {
        int n = jdbc.sql(
                        "update rebook_entry set cleared_at = :now, cleared_by = :by where id = :id and cleared_at is null")
                .param("now", Timestamp.from(time.now()))
                .param("by", Actor.currentUserId())
                .param("id", entry)
                .update();
        if (n == 0) {
            throw new NotFoundException("To-rebook entry", entry);
        }
    }

    void list(
            UUID appointment,
            PatientId patient,
            ClinicId clinic,
            ProviderId provider,
            ServiceId service,
            Instant startsAt,
            RebookEntry.Why why,
            String reason,
            Instant since) {
        UUID id = sa.tenhal.platform.Ids.newId();
        Instant now = time.now();
        int n = jdbc.sql("""
                        insert into rebook_entry (id, appointment_id, patient_id, clinic_id, provider_id, service_id,
                                                  starts_at, why, reason, created_at)
                        select :id, :a, :p, :c, :pr, :s, :at, :why, :reason, :now
                        where not exists (select 1 from appointment b where b.patient_id = :p and b.service_id = :s
                                          and b.id <> :a and b.booked_at >= :since
                                          and b.status in ('BOOKED', 'CONFIRMED'))
                        on conflict (appointment_id) do nothing
                        """)
                .param("id", id)
                .param("a", appointment)
                .param("p", patient.value())
                .param("c", clinic.value())
                .param("pr", provider.value())
                .param("s", service.value())
                .param("at", Timestamp.from(startsAt))
                .param("why", why.name())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(since))
                .update();
        if (n == 1) {
            events.publishEvent(new RebookListed(id, appointment, clinic, why, startsAt, now));
        }
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        String reason = jdbc.sql("select cancel_reason from appointment where id = :id")
                .param("id", cancelled.appointmentId())
                .query(String.class)
                .optional()
                .orElse(null);
        RebookEntry.Why why;
        String words = null;
        if (reason != null && reason.startsWith(DECLINED)) {
            why = RebookEntry.Why.DECLINED;
            String rest = reason.substring(DECLINED.length()).strip();
            words = rest.startsWith(":") ? rest.substring(1).strip() : null;
            if (words != null && words.startsWith("replied 2 by ")) {
                words = null; // a text reply of "2" says no more than that
            }
        } else if (cancelled.startsAt().isAfter(cancelled.at())) {
            why = RebookEntry.Why.CANCELLED_BY_CLINIC;
            words = reason;
        } else {
            return;
        }
        list(
                cancelled.appointmentId(),
                cancelled.patientId(),
                cancelled.clinicId(),
                cancelled.providerId(),
                cancelled.serviceId(),
                cancelled.startsAt(),
                why,
                words,
                cancelled.at());
    }

    @ApplicationModuleListener
    void on(AppointmentMarkedNoShow missed) {
        list(
                missed.appointmentId(),
                missed.patientId(),
                missed.clinicId(),
                missed.providerId(),
                missed.serviceId(),
                missed.startsAt(),
                RebookEntry.Why.NO_SHOW,
                null,
                missed.at());
    }

    /**
     * Booking the patient again for the service clears their open entries for it, in the booking's own transaction:
     * one indexed update that finds nothing for almost every booking, where a durable listener cost a publication and
     * three transactions of the event registry per booking.
     */
    @EventListener
    void on(AppointmentBooked booked) {
        jdbc.sql("update rebook_entry set cleared_at = :now, rebooked_as = :a"
                        + " where patient_id = :p and service_id = :s and cleared_at is null and appointment_id <> :a")
                .param("now", Timestamp.from(time.now()))
                .param("a", booked.appointmentId())
                .param("p", booked.patientId().value())
                .param("s", booked.serviceId().value())
                .update();
    }
}
