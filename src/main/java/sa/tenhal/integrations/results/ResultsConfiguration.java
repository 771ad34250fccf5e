package sa.tenhal.integrations.results;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.RecurringJob;
import sa.tenhal.visits.OrderKind;

/** The MLLP listener (when on), the order senders and the FHIR sync jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResultsProperties.class)
class ResultsConfiguration {

    @Bean
    @Conditional(ListenerOn.class)
    MllpListener mllpListener(ResultIntake intake, ResultsProperties properties) {
        var l = properties.mllp();
        return new MllpListener(
                intake, l.bindAddress(), l.port(), l.idleTimeout(), l.maxMessageSize(), l.maxConnections());
    }

    @Bean
    RecurringJob syncLabResults(ObjectProvider<FhirSync> sync, ObjectProvider<OrderSending> orders) {
        return new RecurringJob(
                "sync-lab-results",
                "0 0/30 * * * *",
                "Pulls the laboratory DiagnosticReports changed since the last sync from each FHIR source, page by page"
                        + " (high-water mark per source), and sends again the orders a lab has not yet acknowledged",
                () -> {
                    orders.getObject().sweep();
                    sync.getObject().sync(OrderKind.LAB);
                });
    }

    @Bean
    RecurringJob syncRadiologyResults(ObjectProvider<FhirSync> sync) {
        return new RecurringJob(
                "sync-radiology-results",
                "0 0/30 * * * *",
                "Pulls the radiology DiagnosticReports (report text, PDF, imaging study) changed since the last sync from"
                        + " each FHIR source, page by page (high-water mark per source)",
                () -> sync.getObject().sync(OrderKind.IMAGING));
    }

    @Bean
    OneTimeJobHandler<Void> labOrderRetry(ObjectProvider<OrderSending> sending) {
        return new OneTimeJobHandler<>() {
            @Override
            public OneTimeJob<Void> job() {
                return OrderSending.RETRY;
            }

            @Override
            public void run(String instanceId, Void data) {
                sending.getObject().send(java.util.UUID.fromString(instanceId));
            }
        };
    }

    @Bean
    @Conditional(TestLabOn.class)
    TestLab testLab(
            ResultsProperties properties, ObjectProvider<MllpListener> listener, ObjectProvider<FhirSync> sync) {
        return new TestLab(properties.testLab(), listener, sync);
    }

    /** The demo's test lab: only on the embedded default with its demo, unless set. */
    static final class TestLabOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return onByDefaultInDemo(context, "tenhal.results.test-lab.enabled");
        }
    }

    /**
     * On when {@code tenhal.results.mllp.enabled} says so; unset, only on the embedded default with its demo (no
     * {@code tenhal.database.url}, {@code tenhal.demo.enabled} not false): a production server opens no port until
     * configured.
     */
    static final class ListenerOn implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return onByDefaultInDemo(context, "tenhal.results.mllp.enabled");
        }
    }

    static boolean onByDefaultInDemo(ConditionContext context, String property) {
        var env = context.getEnvironment();
        String explicit = env.getProperty(property, "");
        if (!explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return env.getProperty("tenhal.demo.enabled", Boolean.class, true)
                && env.getProperty("tenhal.database.url", "").isBlank();
    }
}
