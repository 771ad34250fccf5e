package sa.tenhal;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import sa.tenhal.identity.StaffAccounts;

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
}
