package sa.tenhal.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ClinicTime clinicTime(Clock clock, @Value("${tenhal.time-zone:Asia/Riyadh}") String zone) {
        return new ClinicTime(clock, ZoneId.of(zone));
    }
}
