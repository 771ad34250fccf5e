package sa.tenhal.platform.events;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ListenerFailureRecorder listenerFailureRecorder(
            ObjectProvider<JdbcClient> jdbc, ObjectProvider<EventSerializer> serializer, ObjectProvider<Clock> clock) {
        return new ListenerFailureRecorder(jdbc, serializer, clock);
    }
}
