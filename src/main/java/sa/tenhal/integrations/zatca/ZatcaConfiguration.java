package sa.tenhal.integrations.zatca;

import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.tenhal.integrations.outbound.InProcessTransport;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.RecurringJob;

/** ZATCA's API (the real one, or the simulator in-process), the nightly sweep and the retry job. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZatcaProperties.class)
class ZatcaConfiguration {

    @Bean
    @ConditionalOnProperty(name = "tenhal.zatca.environment", havingValue = "simulator", matchIfMissing = true)
    ZatcaSimulator zatcaSimulator(ClinicTime time) {
        return new ZatcaSimulator(time.clock());
    }

    @Bean
    ZatcaApi zatcaApi(ZatcaProperties properties, ObjectProvider<ZatcaSimulator> simulator) {
        if (properties.simulator()) {
            ZatcaSimulator local = simulator.getObject();
            return new ZatcaApi(Outbound.client(
                    properties.apiBase(), new InProcessTransport(properties.apiBase(), (method, path, header, body) -> {
                        try {
                            ZatcaSimulator.Answer answer = local.handle(method, path, header, body);
                            return new InProcessTransport.Response(answer.status(), answer.body());
                        } catch (java.net.SocketTimeoutException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            throw new IOException(e);
                        }
                    })));
        }
        return new ZatcaApi(
                Outbound.client(properties.apiBase(), properties.connectTimeout(), properties.readTimeout()));
    }

    @Bean
    RecurringJob submitZatcaInvoices(ObjectProvider<ZatcaSubmitting> submitting) {
        return new RecurringJob(
                "submit-zatca-invoices",
                "0 0 23 * * *",
                "Sends ZATCA every e-invoice it has not yet accepted (reported or cleared), as itself: same bytes, ICV"
                        + " and UUID",
                () -> submitting.getObject().sweep());
    }

    @Bean
    OneTimeJobHandler<Void> zatcaSubmissionRetry(ObjectProvider<ZatcaSubmitting> submitting) {
        return new OneTimeJobHandler<>() {
            @Override
            public OneTimeJob<Void> job() {
                return ZatcaSubmitting.RETRY;
            }

            @Override
            public void run(String instanceId, Void data) {
                submitting.getObject().submit(java.util.UUID.fromString(instanceId));
            }
        };
    }
}
