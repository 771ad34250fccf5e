package sa.tenhal.platform.events;

import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ListenerFailureRecorder listenerFailureRecorder(
            ObjectProvider<JdbcClient> jdbc, ObjectProvider<EventSerializer> serializer, ObjectProvider<Clock> clock) {
        return new ListenerFailureRecorder(jdbc, serializer, clock);
    }

    /** Completion in the listener's transaction: see {@link CompletionInListenerTransaction}. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static CompletionInListenerTransaction.Arming listenerCompletionArming() {
        return new CompletionInListenerTransaction.Arming();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static CompletionInListenerTransaction.Registry listenerCompletionRegistry() {
        return new CompletionInListenerTransaction.Registry();
    }

    @Bean
    CompletionInListenerTransaction.Transactions listenerCompletionTransactions() {
        return new CompletionInListenerTransaction.Transactions();
    }

    /**
     * Events stored with the application's JSON mapper, as Spring Modulith's own serializer does, but with the mapper
     * looked up once: Modulith's asks the bean factory for it on every event (about a fifth of storing a
     * publication). Lazy still, so the registry does not pull the mapper into early start-up.
     */
    @Bean
    EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper) {
        Supplier<JsonMapper> json = SingletonSupplier.of(mapper::getObject);
        return new EventSerializer() {

            @Override
            public Object serialize(Object event) {
                return json.get().writeValueAsString(event);
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                return json.get().readerFor(type).readValue(serialized.toString());
            }
        };
    }
}
