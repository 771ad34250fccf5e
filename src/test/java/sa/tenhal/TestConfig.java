package sa.tenhal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.patients.CareTeamFixtures;
import sa.tenhal.patients.CareTeams;

/** What every integration test gets: a clock it can move, and staff with real bearer tokens. */
@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

    static {
        // Waits are for a state, and their bound is only how long before a test gives up: generous, so that a test
        // never fails because the machine is busy (Awaitility's own default, 10 s, was not, beside other work).
        org.awaitility.Awaitility.setDefaultTimeout(java.time.Duration.ofSeconds(90));
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    /** Only where this context's scheduler runs jobs ({@code tenhal.jobs.execute=true}); see the class. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
            name = "tenhal.jobs.execute",
            havingValue = "true",
            matchIfMissing = true)
    SchedulerPacemaker schedulerPacemaker(com.github.kagkarlsson.scheduler.Scheduler scheduler) {
        return new SchedulerPacemaker(scheduler);
    }

    /** Records the SQL Hibernate sends, where a test asks ({@link HibernateStatements#during}). */
    @Bean
    org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer hibernateStatements() {
        return HibernateStatements.installed();
    }

    @Bean
    StaffFixtures staffFixtures(StaffAccounts accounts) {
        return new StaffFixtures(accounts);
    }

    @Bean
    CareTeamFixtures careTeamFixtures(CareTeams careTeams, PlatformTransactionManager transactions) {
        return new CareTeamFixtures(careTeams, transactions);
    }
}
