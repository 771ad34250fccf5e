package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import sa.tenhal.integrations.outbound.Bulkhead;
import sa.tenhal.integrations.outbound.InProcessTransport;
import sa.tenhal.integrations.outbound.Outbound;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.jobs.OneTimeJob;
import sa.tenhal.platform.jobs.OneTimeJobHandler;
import sa.tenhal.platform.jobs.RecurringJob;

/**
 * NPHIES: the transport (the simulator in-process, or NPHIES over mutual TLS with the keystore the environment names),
 * the validator, and the jobs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NphiesProperties.class)
class NphiesConfiguration {

    @Bean
    NphiesReader nphiesReader() {
        return new NphiesReader(FhirContext.forR4Cached());
    }

    /** Loading FHIR R4's definitions takes seconds: only when the first message is validated. */
    @Bean
    @Lazy
    MessageValidation nphiesValidation() {
        return new MessageValidation(FhirContext.forR4Cached());
    }

    @Bean
    @ConditionalOnProperty(name = "tenhal.nphies.environment", havingValue = "simulator", matchIfMissing = true)
    NphiesSimulator nphiesSimulator(ClinicTime time) {
        return new NphiesSimulator(time.clock());
    }

    @Bean
    NphiesTransport nphiesTransport(NphiesProperties properties, ObjectProvider<NphiesSimulator> simulator) {
        URI endpoint = URI.create(properties.processMessage());
        String base = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        String path = endpoint.getRawPath();
        Bulkhead bulkhead = new Bulkhead("NPHIES", properties.maxConcurrentCalls());
        if (properties.simulator()) {
            NphiesSimulator local = simulator.getObject();
            return new NphiesTransport(
                    Outbound.client(base, new InProcessTransport(base, (method, p, header, body) -> {
                        try {
                            NphiesSimulator.Answer answer = local.handle(method, p, body);
                            return new InProcessTransport.Response(answer.status(), answer.body());
                        } catch (java.net.SocketTimeoutException e) {
                            throw e;
                        } catch (RuntimeException e) {
                            throw new IOException(e);
                        }
                    })),
                    path,
                    bulkhead);
        }
        if (properties.keystore() != null && !properties.keystore().isBlank()) {
            char[] password = properties.keystorePassword() == null
                    ? new char[0]
                    : properties.keystorePassword().toCharArray();
            return new NphiesTransport(
                    Outbound.client(
                            base,
                            properties.connectTimeout(),
                            properties.readTimeout(),
                            NphiesTransport.mutualTls(Path.of(properties.keystore()), password, null)),
                    path,
                    bulkhead);
        }
        return new NphiesTransport(
                Outbound.client(base, properties.connectTimeout(), properties.readTimeout()), path, bulkhead);
    }

    @Bean
    RecurringJob submitNphiesEligibility(ObjectProvider<Insurance> insurance) {
        return new RecurringJob(
                "submit-nphies-eligibility",
                "0 */10 * * * *",
                "Sends NPHIES every eligibility request that is due (new or to be retried), as itself: same message id",
                () -> insurance.getObject().sweep("ELIGIBILITY"));
    }

    @Bean
    RecurringJob submitNphiesPriorAuth(ObjectProvider<Insurance> insurance) {
        return new RecurringJob(
                "submit-nphies-prior-auth",
                "0 */10 * * * *",
                "Sends NPHIES every prior authorisation request that is due (new or to be retried), as itself",
                () -> insurance.getObject().sweep("PRIOR_AUTH"));
    }

    @Bean
    RecurringJob submitNphiesClaim(ObjectProvider<Insurance> insurance) {
        return new RecurringJob(
                "submit-nphies-claim",
                "0 */10 * * * *",
                "Sends NPHIES every claim that is due (new, resubmitted or to be retried), as itself",
                () -> insurance.getObject().sweep("CLAIM"));
    }

    @Bean
    RecurringJob nphiesEligibilityDayBefore(ObjectProvider<Insurance> insurance) {
        return new RecurringJob(
                "nphies-eligibility-day-before",
                "0 0 16 * * *",
                "Checks the coverage of every insured patient booked for tomorrow, once per appointment and day, so"
                        + " that reception sees 'not eligible' before the patient arrives",
                () -> insurance.getObject().checkUpcoming());
    }

    @Bean
    RecurringJob pollNphies(ObjectProvider<Insurance> insurance) {
        return new RecurringJob(
                "poll-nphies",
                "0 */15 * * * *",
                "Fetches what NPHIES holds for the centre (pended authorisation and claim decisions, payment"
                        + " reconciliations) and applies it",
                () -> insurance.getObject().poll());
    }

    @Bean
    OneTimeJobHandler<Void> nphiesMessageRetry(ObjectProvider<Insurance> insurance) {
        return new OneTimeJobHandler<>() {
            @Override
            public OneTimeJob<Void> job() {
                return Insurance.RETRY;
            }

            @Override
            public void run(String instanceId, Void data) {
                insurance.getObject().send(java.util.UUID.fromString(instanceId));
            }
        };
    }
}
