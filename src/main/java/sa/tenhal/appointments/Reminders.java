package sa.tenhal.appointments;

import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.Jobs;
import sa.tenhal.platform.jobs.OneTimeJob;

/**
 * Reminders 24 h and 2 h before every confirmed appointment, as one-time jobs with ids {@code <appointmentId>:24h} and
 * {@code <appointmentId>:2h}, scheduled in the transaction that confirms, moved by a reschedule, cancelled by a
 * cancellation, and never scheduled for a time already past. Sending is the notifications module's business: the job
 * runs {@link ReminderSender}.
 */
@Component
class Reminders {

    static final OneTimeJob<Due> JOB = OneTimeJob.of("appointment-reminder", Due.class);

    /** The job instance's data. */
    record Due(UUID appointmentId, ReminderOffset offset) {}

    private final Jobs jobs;
    private final ClinicTime time;

    Reminders(Jobs jobs, ClinicTime time) {
        this.jobs = jobs;
        this.time = time;
    }

    static String instanceId(UUID appointment, ReminderOffset offset) {
        return appointment + ":" + offset.suffix;
    }

    /** Schedules (or moves) both reminders of a confirmed appointment; a reminder whose time has passed is dropped. */
    void schedule(Appointment appointment) {
        Instant now = time.now();
        for (ReminderOffset offset : ReminderOffset.values()) {
            String id = instanceId(appointment.uuid(), offset);
            Instant at = appointment.startsAt().minus(offset.before);
            if (at.isAfter(now) && !appointment.remindedOf(offset)) {
                jobs.reschedule(JOB, id, at, new Due(appointment.uuid(), offset));
            } else {
                jobs.cancel(JOB, id);
            }
        }
    }

    void cancel(Appointment appointment) {
        for (ReminderOffset offset : ReminderOffset.values()) {
            jobs.cancel(JOB, instanceId(appointment.uuid(), offset));
        }
    }
}
