package sa.tenhal.appointments.confirmation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The seed's Celery beat entries for confirmations, as recurring jobs (clinic-local time, changeable at runtime). The
 * service is looked up when a job runs: the job engine needs its jobs before the services that schedule through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfirmationProperties.class)
class ConfirmationJobs {

    static final String REMINDERS = "confirmation-reminders";
    static final String EXPIRY = "expire-confirmations";

    @Bean
    RecurringJob confirmationReminders(ObjectProvider<Confirmations> confirmations) {
        return new RecurringJob(
                REMINDERS,
                "0 0 9 * * *",
                "Reminds patients of unconfirmed appointments within 3 days (at most 3 reminders, one a day)",
                () -> confirmations.getObject().remindUnconfirmed());
    }

    @Bean
    RecurringJob expireConfirmations(ObjectProvider<Confirmations> confirmations) {
        return new RecurringJob(
                EXPIRY,
                "0 0 0 * * *",
                "Marks confirmation requests past their time as EXPIRED (their links stop working)",
                () -> confirmations.getObject().expireOld());
    }
}
