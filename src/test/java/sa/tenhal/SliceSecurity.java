package sa.tenhal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import sa.tenhal.platform.ClinicTime;

/**
 * For controller slices: every request must be authenticated (use {@code @WithMockUser}) and roles are checked; and the
 * clinic's time, which every page's model needs.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SliceSecurity {

    /** The pages' model ({@code PageModel}, a controller advice the slice picks up) needs the clinic's time. */
    @Bean
    ClinicTime clinicTime() {
        return new ClinicTime(Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
    }

    @Bean
    SecurityFilterChain sliceChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.disable())
                .build();
    }
}
