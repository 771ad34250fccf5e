package sa.tenhal.integrations.nphies;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentBooked;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.finance.InvoiceIssued;
import sa.tenhal.finance.Payer;
import sa.tenhal.integrations.outbound.PartnerListeners;

/**
 * An insurer invoice issued for a visit is claimed at once; a booking whose service the payer authorises first gets
 * its prior authorisation request at once (only a booking of a patient with a coverage on file is looked at). On
 * NPHIES's own listener threads ({@link PartnerListeners}): an NPHIES that does not answer holds up no other listener.
 */
@Component
class NphiesListener {

    private final Insurance insurance;

    NphiesListener(Insurance insurance) {
        this.insurance = insurance;
    }

    @Async(PartnerListeners.NPHIES)
    @ApplicationModuleListener
    void on(InvoiceIssued issued) {
        if (issued.payer() == Payer.INSURER) {
            insurance.onInsurerInvoiceIssued(issued.invoice());
        }
    }

    // an uninsured booking (most of them) stores no publication for this listener and costs no transaction after
    // the booking's: the condition is read when the booking's events are published, and again before the call
    @Async(PartnerListeners.NPHIES)
    @ApplicationModuleListener(condition = "#booked.insured() != false")
    void on(AppointmentBooked booked) {
        insurance.onBooked(
                new AppointmentId(booked.appointmentId()),
                booked.patientId().value(),
                booked.serviceId().value(),
                booked.startsAt());
    }
}
