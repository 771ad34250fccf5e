package sa.tenhal.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The appointment jobs of seed 004 Part 5: today's reminders (08:00), the no-show check (every 2 h) and the next-day
 * schedule for providers (18:00). Each is idempotent: running it twice changes and sends nothing more.
 */
@Component
class AppointmentJobs {

    private static final Logger log = LoggerFactory.getLogger(AppointmentJobs.class);

    private final Appointments appointments;
    private final ReminderSender reminders;
    private final Reminders reminderJobs;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Duration noShowGrace;

    AppointmentJobs(
            Appointments appointments,
            ReminderSender reminders,
            Reminders reminderJobs,
            ClinicTime time,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            @Value("${tenhal.appointments.no-show-grace:15m}") Duration noShowGrace) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.reminderJobs = reminderJobs;
        this.time = time;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.noShowGrace = noShowGrace;
    }

    /**
     * Reminds patients of today's confirmed appointments still ahead that no reminder reached yet (confirmed too late
     * for the 24-hour one); counts as the 24-hour reminder. Returns how many were reminded.
     */
    int remindToday() {
        LocalDate today = time.today();
        Instant now = time.now();
        Instant endOfDay = today.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return tx.execute(status -> {
            int sent = 0;
            for (Appointment a :
                    appointments.inStatusStartingBetween(EnumSet.of(AppointmentStatus.CONFIRMED), now, endOfDay)) {
                if (!a.remindedOf(ReminderOffset.H24) && !a.remindedOf(ReminderOffset.H2)) {
                    if (reminders.remind(a, "today", ReminderOffset.H24)) {
                        sent++;
                    }
                }
            }
            return sent;
        });
    }

    /**
     * Marks BOOKED and CONFIRMED appointments whose start plus the grace period has passed without a check-in as
     * NO_SHOW. Looks back a week, so a paused job catches up. Returns how many were marked.
     */
    int markNoShows() {
        Instant now = time.now();
        Instant cutoff = now.minus(noShowGrace);
        List<java.util.UUID> overdue = tx.execute(status ->
                appointments
                        .inStatusStartingBetween(AppointmentStatus.UPCOMING, cutoff.minus(Duration.ofDays(7)), cutoff)
                        .stream()
                        .map(Appointment::uuid)
                        .toList());
        int marked = 0;
        for (java.util.UUID id : overdue) {
            // one transaction each: a refusal (a concurrent check-in) leaves the others marked
            try {
                tx.executeWithoutResult(status -> appointments.findById(id).ifPresent(a -> {
                    if (AppointmentStatus.UPCOMING.contains(a.status())) {
                        a.markNoShow(now);
                        reminderJobs.cancel(a);
                        appointments.save(a);
                    }
                }));
                marked++;
            } catch (RuntimeException e) {
                log.warn("Appointment {} could not be marked as a no-show: {}", id, e.getMessage());
            }
        }
        return marked;
    }

    /** Tells each provider with appointments tomorrow that their list is ready (in-app, and by email as a PDF). */
    int announceTomorrow() {
        LocalDate tomorrow = time.today().plusDays(1);
        Instant from = tomorrow.atStartOfDay(time.zone()).toInstant();
        Instant to = tomorrow.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return tx.execute(status -> {
            Set<ProviderId> providers = new LinkedHashSet<>();
            appointments
                    .inStatusStartingBetween(
                            EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED), from, to)
                    .forEach(a -> providers.add(a.providerId()));
            providers.forEach(p -> events.publishEvent(new ProviderDayScheduled(p, tomorrow, time.now())));
            return providers.size();
        });
    }

    /**
     * The recurring jobs. They reach the work lazily: the job engine needs them before {@code Jobs} exists, which the
     * work uses to cancel reminders.
     */
    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringJob todaysAppointmentReminders(ObjectProvider<AppointmentJobs> jobs) {
            return new RecurringJob(
                    "todays-appointment-reminders",
                    "0 0 8 * * *",
                    "Reminds patients of today's confirmed appointments that no reminder reached yet",
                    () -> jobs.getObject().remindToday());
        }

        @Bean
        RecurringJob checkNoShows(ObjectProvider<AppointmentJobs> jobs) {
            return new RecurringJob(
                    "check-no-shows",
                    "0 0 */2 * * *",
                    "Marks appointments not checked in by their start plus the grace period as no-shows",
                    () -> jobs.getObject().markNoShows());
        }

        @Bean
        RecurringJob nextDaySchedule(ObjectProvider<AppointmentJobs> jobs) {
            return new RecurringJob(
                    "next-day-schedule",
                    "0 0 18 * * *",
                    "Sends each provider tomorrow's appointments, in-app and by email as a PDF",
                    () -> jobs.getObject().announceTomorrow());
        }
    }
}
