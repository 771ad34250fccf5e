package sa.tenhal.appointments.confirmation;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentBooked;
import sa.tenhal.appointments.AppointmentCancelled;
import sa.tenhal.appointments.AppointmentConfirmed;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentRescheduled;
import sa.tenhal.patients.PatientsMerged;

/**
 * The booking integration. A booking's request is made in the booking's own transaction, so that an appointment is
 * never without one and the booking costs no round of the event registry; the other reactions are durable listeners
 * (retried until they succeed), each idempotent — they act on the appointment as it is now, so a late or repeated
 * delivery changes nothing.
 */
@Component
class ConfirmationTriggers {

    private final Confirmations confirmations;

    ConfirmationTriggers(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        confirmations.booked(new AppointmentId(booked.appointmentId()));
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled rescheduled) {
        confirmations.rescheduled(new AppointmentId(rescheduled.appointmentId()));
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        confirmations.cancelled(new AppointmentId(cancelled.appointmentId()));
    }

    /** The survivor of a patient merge takes over the merged record's requests. */
    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        confirmations.repoint(merged.merged(), merged.survivor());
    }

    @ApplicationModuleListener
    void on(AppointmentConfirmed confirmed) {
        confirmations.confirmedElsewhere(
                new AppointmentId(confirmed.appointmentId()), confirmed.method(), confirmed.at());
    }
}
