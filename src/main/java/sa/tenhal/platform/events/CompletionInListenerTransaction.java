package sa.tenhal.platform.events;

import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Pointcut;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks a durable listener's publication in progress and completes it inside the listener's own transaction, as
 * Spring Modulith 2.2 does by default (spring-modulith#1961); 2.1 does both in transactions of their own, around the
 * listener's. That was three transactions, and three commits to wait for, per publication; it is now one, and the
 * publication completes if and only if the listener's work commits (a crash between the two can no longer leave the
 * work done and the publication incomplete, to be run again).
 *
 * <p>Three parts: advice around every {@link ApplicationModuleListener} method (outside Modulith's completion advice)
 * arms it for the invocation; the registry, wrapped, then defers the {@code PROCESSING} mark it is asked for; when the
 * listener's transaction begins (a {@link TransactionExecutionListener}), the mark is made in it, and the completion
 * is registered to run just before it commits. Modulith's own completion call after the transaction is then skipped.
 * If the listener fails, nothing of this commits and Modulith marks the publication failed as before; if the
 * transaction cannot begin or never does, Modulith's own calls are made as before.
 */
final class CompletionInListenerTransaction {

    /** Where the current listener invocation is, on its thread; nested invocations stack. */
    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    private CompletionInListenerTransaction() {}

    private enum State {
        ARMED,
        DEFERRED,
        IN_TRANSACTION,
        COMPLETED_IN_TRANSACTION
    }

    private static final class Invocation {
        State state = State.ARMED;
        Object event;
        PublicationTargetIdentifier listener;
        EventPublicationRegistry registry;

        boolean is(Object event, PublicationTargetIdentifier listener) {
            return this.event == event && this.listener.equals(listener);
        }
    }

    /** Arms the invocation of a module listener whose transaction can hold the registry's writes. */
    static final class Arming extends AbstractPointcutAdvisor {

        private final transient Pointcut pointcut =
                new AnnotationMatchingPointcut(null, ApplicationModuleListener.class, true);

        Arming() {
            // Outside Modulith's completion advice (HIGHEST_PRECEDENCE + 10), which asks for the PROCESSING mark.
            setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        }

        @Override
        public Pointcut getPointcut() {
            return pointcut;
        }

        @Override
        public Advice getAdvice() {
            return (MethodInterceptor) invocation -> {
                Invocation outer = CURRENT.get();
                CURRENT.set(writable(invocation.getMethod()) ? new Invocation() : null);
                try {
                    return invocation.proceed();
                } finally {
                    if (outer == null) {
                        CURRENT.remove();
                    } else {
                        CURRENT.set(outer);
                    }
                }
            };
        }

        /** A new read-write transaction around the method: the registry's writes can join it. */
        private static boolean writable(Method method) {
            Transactional tx = AnnotatedElementUtils.findMergedAnnotation(method, Transactional.class);
            return tx != null
                    && !tx.readOnly()
                    && (tx.propagation() == Propagation.REQUIRES_NEW || tx.propagation() == Propagation.REQUIRED);
        }
    }

    /** Wraps the registry so that an armed invocation's PROCESSING mark waits for its transaction. */
    static final class Registry implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof EventPublicationRegistry)) {
                return bean;
            }
            // Modulith's registry makes each mark in a transaction of its own (REQUIRES_NEW, through its transactional
            // proxy); its target, called directly, makes them in the transaction at hand.
            Object target = AopProxyUtils.getSingletonTarget(bean);
            EventPublicationRegistry registry = (EventPublicationRegistry) (target == null ? bean : target);
            ProxyFactory proxy = new ProxyFactory(bean);
            proxy.setProxyTargetClass(true);
            proxy.addAdvice((MethodInterceptor) call -> {
                String method = call.getMethod().getName();
                Object[] args = call.getArguments();
                Invocation current = CURRENT.get();
                if (current == null || args.length != 2 || !(args[1] instanceof PublicationTargetIdentifier listener)) {
                    return call.proceed();
                }
                if (method.equals("markProcessing") && current.state == State.ARMED) {
                    current.state = State.DEFERRED;
                    current.event = args[0];
                    current.listener = listener;
                    current.registry = registry;
                    return null;
                }
                if (method.equals("markCompleted")
                        && current.state == State.COMPLETED_IN_TRANSACTION
                        && current.is(args[0], listener)) {
                    return null; // done, and committed, in the listener's transaction
                }
                return call.proceed();
            });
            return proxy.getProxy(bean.getClass().getClassLoader());
        }
    }

    /** When the armed listener's transaction begins: the PROCESSING mark in it, and the completion before commit. */
    static final class Transactions implements TransactionExecutionListener {

        @Override
        public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
            Invocation current = CURRENT.get();
            if (beginFailure != null
                    || current == null
                    || current.state != State.DEFERRED
                    || !transaction.isNewTransaction()
                    || transaction.isReadOnly()
                    || !TransactionSynchronizationManager.isSynchronizationActive()) {
                return;
            }
            current.state = State.IN_TRANSACTION;
            current.registry.markProcessing(current.event, current.listener);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.LOWEST_PRECEDENCE; // after the listener's own before-commit work
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    current.registry.markCompleted(current.event, current.listener);
                    current.state = State.COMPLETED_IN_TRANSACTION;
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        // rolled back (or unknown): Modulith marks it failed, or it goes stale and is resubmitted
                        current.state = State.IN_TRANSACTION;
                    }
                }
            });
        }
    }
}
