package sa.tenhal.platform.web;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's own servlet filters, after Spring Security's: body size limit, then idempotency; the rate limit on the
 * patients' links, before everything else; and, for every request, the guard that refuses unreadable parameters before
 * Spring Security reads any; and, outermost, {@link ServiceAvailability} (503 while starting or while the database
 * cannot be reached).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, PatientLinkProperties.class})
class ApiFilters {

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ApiProperties properties) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(properties));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0); // after Spring Security (-100)
        return registration;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, ApiProperties properties, Clock clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, properties, clock));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestTextGuard> requestTextGuard() {
        var registration = new FilterRegistrationBean<>(new RequestTextGuard());
        registration.addUrlPatterns("/*");
        registration.setOrder(-150); // after the patient links' rate limit, before Spring Security (-100)
        return registration;
    }

    @Bean
    ServiceAvailability serviceAvailability() {
        return new ServiceAvailability();
    }

    @Bean
    FilterRegistrationBean<ServiceAvailability> serviceAvailabilityFilter(ServiceAvailability filter) {
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/*");
        // before everything, Spring Session's filter (MIN_VALUE + 50) included: that one reads the database first
        registration.setOrder(Integer.MIN_VALUE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<PatientLinkRateLimit> patientLinkRateLimit(PatientLinkProperties properties) {
        var registration = new FilterRegistrationBean<>(new PatientLinkRateLimit(properties));
        registration.addUrlPatterns("/p/*");
        registration.setOrder(-200); // before Spring Security: refused requests cost nothing more
        return registration;
    }
}
