package sa.tenhal.referrals;

import org.springframework.beans.factory.annotation.Value;
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
    private final boolean completeOnFirstVisit;

    ClosedLoop(
            ReferralRepository referrals,
            AutoReferrals autoReferrals,
            ClinicTime time,
            @Value("${tenhal.referrals.complete-on-first-visit:true}") boolean completeOnFirstVisit) {
        this.referrals = referrals;
        this.autoReferrals = autoReferrals;
        this.time = time;
        this.completeOnFirstVisit = completeOnFirstVisit;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        referrals
                .findOpen(booked.patientId().value(), booked.clinicId().value())
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
