package sa.tenhal.referrals;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * The referral jobs of seed 004: the daily pending-referrals check (past the service level → a reminder to the
 * receiving clinic; a working day after that → to the managers) and the weekly statistics for managers. Both are
 * idempotent: a referral is reminded and escalated once, and the statistics message is keyed by its week.
 */
@Component
public class ReferralFollowUp {

    private final ReferralRepository referrals;
    private final ServiceLevels serviceLevels;
    private final ReferralStatisticsQuery statistics;
    private final ClinicTime time;
    private final ApplicationEventPublisher events;

    ReferralFollowUp(
            ReferralRepository referrals,
            ServiceLevels serviceLevels,
            ReferralStatisticsQuery statistics,
            ClinicTime time,
            ApplicationEventPublisher events) {
        this.referrals = referrals;
        this.serviceLevels = serviceLevels;
        this.statistics = statistics;
        this.time = time;
        this.events = events;
    }

    /** Returns how many referrals were reminded or escalated. */
    @Transactional
    public int checkPendingReferrals() {
        Instant now = time.now();
        int touched = 0;
        for (Referral referral : referrals.findPendingPast(now)) {
            if (referral.remindedAt() == null) {
                referral.remind(now);
            } else if (referral.escalatedAt() == null
                    // respondBy is the start of the day after the deadline day; one more working day after that day
                    && !now.isBefore(
                            serviceLevels.workingDaysAfter(referral.respondBy().minusSeconds(1), 1))) {
                referral.escalate(now);
            } else {
                continue;
            }
            referrals.save(referral);
            touched++;
        }
        return touched;
    }

    /** The past seven days up to yesterday, sent to the managers. */
    @Transactional
    public ReferralStatistics sendWeeklyStatistics() {
        LocalDate today = time.today();
        ReferralStatistics week = statistics.between(today.minusDays(7), today.minusDays(1), null, null);
        events.publishEvent(new ReferralStatisticsCompiled(week, time.now()));
        return week;
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringJob pendingReferrals(ReferralFollowUp followUp) {
            return new RecurringJob(
                    "pending-referrals",
                    "0 0 10 * * *",
                    "Reminds receiving clinics of referrals past their service level; escalates to managers a"
                            + " working day later",
                    followUp::checkPendingReferrals);
        }

        @Bean
        RecurringJob referralStatistics(ReferralFollowUp followUp) {
            return new RecurringJob(
                    "referral-statistics",
                    "0 0 8 * * FRI",
                    "Emails the managers last week's referral statistics",
                    followUp::sendWeeklyStatistics);
        }
    }
}
