package sa.tenhal.finance;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentCompleted;

/**
 * A completed appointment is billed (or a package session consumed) — the seed's Appointment COMPLETED signal. The
 * listener is durable: if billing fails the event is retried, and {@link Invoicing#generateFor} bills exactly once.
 */
@Component
class CompletedVisits {

    private final Invoicing invoicing;

    CompletedVisits(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    @ApplicationModuleListener
    void on(AppointmentCompleted completed) {
        invoicing.generateFor(new CompletedVisit(
                completed.appointmentId(),
                completed.patientId(),
                completed.clinicId(),
                completed.providerId(),
                completed.serviceId(),
                completed.startsAt(),
                completed.completedAt()));
    }
}
