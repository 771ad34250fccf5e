package sa.tenhal.platform.events;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Remembers why a durable listener failed. Spring Modulith leaves the publication incomplete (and marks it FAILED) but
 * keeps no error; this advice, around every transactional event listener and outside its transaction, stores the last
 * error and the failure count next to the publication, for admins.
 */
class ListenerFailureRecorder extends AbstractPointcutAdvisor {

    private final transient Pointcut pointcut =
            new AnnotationMatchingPointcut(null, TransactionalEventListener.class, true);
    private final transient ObjectProvider<JdbcClient> jdbc;
    private final transient ObjectProvider<EventSerializer> serializer;
    private final transient ObjectProvider<Clock> clock;

    ListenerFailureRecorder(
            ObjectProvider<JdbcClient> jdbc, ObjectProvider<EventSerializer> serializer, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
        // Inside Modulith's completion advice (HIGHEST_PRECEDENCE + 10), outside the listener's transaction.
        setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return (MethodInterceptor) invocation -> {
            try {
                return invocation.proceed();
            } catch (Throwable failure) {
                record(invocation.getMethod(), invocation.getArguments()[0], failure);
                throw failure;
            }
        };
    }

    private void record(Method method, Object event, Throwable failure) {
        try {
            String listenerId = new TransactionalApplicationListenerMethodAdapter(
                            "listener", method.getDeclaringClass(), method)
                    .getListenerId();
            Object serialized = serializer.getObject().serialize(event);
            UUID publication = jdbc.getObject()
                    .sql("""
                            select id from event_publication
                             where listener_id = :listener and serialized_event = :event and completion_date is null
                             order by publication_date desc, id desc limit 1
                            """)
                    .param("listener", listenerId)
                    .param("event", serialized.toString())
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
            if (publication == null) {
                return;
            }
            jdbc.getObject()
                    .sql("""
                            insert into event_publication_failure (publication_id, listener_id, event_type, failures, last_error, last_failed_at)
                            values (:id, :listener, :type, 1, :error, :at)
                            on conflict (publication_id) do update
                               set failures = event_publication_failure.failures + 1, last_error = excluded.last_error,
                                   last_failed_at = excluded.last_failed_at
                            """)
                    .param("id", publication)
                    .param("listener", listenerId)
                    .param("type", event.getClass().getName())
                    .param("error", describe(failure))
                    .param("at", Timestamp.from(clock.getObject().instant()))
                    .update();
        } catch (RuntimeException e) {
            // Never let bookkeeping hide the listener's own failure.
        }
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text =
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (root != failure) {
            text += " <- " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
