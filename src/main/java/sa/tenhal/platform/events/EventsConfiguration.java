package sa.tenhal.platform.events;

import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
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

    /**
     * The threads durable listeners run on (Spring's application task executor, which {@code @ApplicationModuleListener}
     * uses): {@code tenhal.events.listener-threads} ({@code TENHAL_LISTENER_THREADS}), else one more than the node's
     * cores. Their work is short database work; Spring's default of 8 threads on a 2-core node had them compete with
     * the requests that set them off, and a booking burst ran slower and with a longer tail (bench/RESULTS.md, issue
     * 23: 8 → 3 threads, 267–287 → 390 booked/s, p99 337–385 → 239 ms). Under a burst the publications wait their turn
     * (they are stored, so none is lost) and are done after it.
     */
    @Bean
    ThreadPoolTaskExecutorCustomizer listenerThreads(@Value("${tenhal.events.listener-threads:0}") int configured) {
        int threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors() + 1;
        return executor -> {
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
        };
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
