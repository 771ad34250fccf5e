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

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
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
