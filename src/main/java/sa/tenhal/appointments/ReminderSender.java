package sa.tenhal.appointments;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.PermanentJobFailure;

/**
 * Runs the reminder jobs {@link Reminders} schedules: marks the appointment reminded and publishes
 * {@link AppointmentReminderDue}, which the notifications module sends. (Separate from {@link Reminders}, because the
 * job engine needs its handlers before the {@code Jobs} that schedules exist.)
 */
@Component
class ReminderSender implements OneTimeJobHandler<Reminders.Due> {

    private final Appointments appointments;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;

    ReminderSender(Appointments appointments, ClinicTime time, ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.time = time;
        this.events = events;
    }

    @Override
    public OneTimeJob<Reminders.Due> job() {
        return Reminders.JOB;
    }

    @Override
    @Transactional
    public void run(String instanceId, Reminders.Due data) {
        Appointment appointment = appointments
                .findById(data.appointmentId())
                .orElseThrow(() -> new PermanentJobFailure("no appointment " + data.appointmentId()));
        remind(appointment, data.offset().suffix, data.offset());
    }

    /**
     * Sends a reminder unless the appointment is no longer confirmed, already started, or was already reminded of
     * (so that the daily catch-up and the one-time jobs never send twice).
     */
    boolean remind(Appointment appointment, String label, ReminderOffset offset) {
        Instant now = time.now();
        if (appointment.status() != AppointmentStatus.CONFIRMED
                || !appointment.startsAt().isAfter(now)) {
            return false;
        }
        if (!appointment.reminded(offset, now)) {
            return false;
        }
        AppointmentDetails d = appointment.details();
        events.publishEvent(new AppointmentReminderDue(
                d.id().value(), d.patientId(), d.clinicId(), d.providerId(), d.serviceId(), d.startsAt(), label, now));
        return true;
    }
}
