package sa.tenhal.referrals;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentBooked;
import sa.tenhal.appointments.AppointmentCancelled;
import sa.tenhal.appointments.AppointmentCompleted;
import sa.tenhal.platform.ClinicTime;

/**
 * Closes the loop from the appointments side: the first appointment booked for a referred patient in the receiving
 * clinic is linked to the accepted referral (a cancelled one is unlinked, so the next booking takes its place); when
 * it completes, the referral completes ({@code tenhal.referrals.complete-on-first-visit}, on by default). A completed
 * appointment also runs the automatic rules for its service. Each step is idempotent: events may arrive twice.
 */
@Component
class ClosedLoop {

    private final ReferralRepository referrals;
    private final AutoReferrals autoReferrals;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final boolean completeOnFirstVisit;

    ClosedLoop(
            ReferralRepository referrals,
            AutoReferrals autoReferrals,
            ClinicTime time,
            ApplicationEventPublisher events,
            @Value("${tenhal.referrals.complete-on-first-visit:true}") boolean completeOnFirstVisit) {
        this.referrals = referrals;
        this.autoReferrals = autoReferrals;
        this.time = time;
        this.events = events;
        this.completeOnFirstVisit = completeOnFirstVisit;
    }

    /**
     * A booking asks, in its own transaction, whether an accepted referral awaits its first visit in that clinic (one
     * query); only then is the link published, durably, and made after the commit. Most bookings have none, and store
     * no publication and cost no transaction for the loop. The link is not made here: a referral changed at the same
     * moment must not fail the booking.
     */
    @EventListener
    void on(AppointmentBooked booked) {
        referrals
                .findAwaitingFirstVisit(
                        booked.patientId().value(), booked.clinicId().value())
                .ifPresent(referral ->
                        events.publishEvent(new ReferredPatientBooked(referral, booked.appointmentId(), booked.at())));
    }

    @ApplicationModuleListener
    void on(ReferredPatientBooked booked) {
        referrals
                .findById(booked.referralId())
                .filter(referral -> referral.linkFirstAppointment(booked.appointmentId()))
                .ifPresent(referrals::save);
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        referrals
                .findByFirstAppointmentId(cancelled.appointmentId())
                .filter(Referral::unlinkFirstAppointment)
                .ifPresent(referrals::save);
    }

    @ApplicationModuleListener
    void on(AppointmentCompleted completed) {
        if (completeOnFirstVisit) {
            referrals
                    .findByFirstAppointmentId(completed.appointmentId())
                    .filter(referral -> referral.status() == ReferralStatus.ACCEPTED)
                    .ifPresent(referral -> {
                        referral.complete(time.now(), true);
                        referrals.save(referral);
                    });
        }
        autoReferrals.check(new ClinicalTrigger(
                TriggerKind.SERVICE_COMPLETED,
                completed.serviceId().value().toString(),
                completed.patientId().value(),
                completed.clinicId().value(),
                completed.providerId() == null ? null : completed.providerId().value(),
                "appointment:" + completed.appointmentId()));
    }
}
