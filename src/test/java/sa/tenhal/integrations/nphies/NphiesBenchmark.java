package sa.tenhal.integrations.nphies;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import sa.tenhal.integrations.outbound.Bulkhead;
import sa.tenhal.integrations.outbound.InProcessTransport;
import sa.tenhal.integrations.outbound.Outbound;

/**
 * NPHIES claims throughput. Not a test: {@code mvn -Pbench -Dbench=sa.tenhal.integrations.nphies.NphiesBenchmark
 * test-compile exec:java} ({@code -Dclaims=1000 -Dthreads=2 -Dwarmup=300}; {@code -Dvalidator=hapi} validates with HAPI's
 * own instance validator, built per message, for comparison).
 *
 * <p>Each claim goes the way Tenhal sends one: built as a FHIR message Bundle with HAPI (a child with a coverage, a
 * practitioner, an encounter, two diagnoses, 1–3 service lines with VAT and patient share), validated by HAPI's FHIR R4
 * validator and NPHIES' rules, encoded as JSON, posted through the same HTTP client to the simulator (which parses it,
 * adjudicates it and answers with a {@code claim-response} message), and the answer parsed and read. The database
 * (storing the message and the adjudication) is not part of it. Prints claims per second (target ≥ 50).
 */
public final class NphiesBenchmark {

    static final int CLAIMS = Integer.getInteger("claims", 1_000);
    static final int THREADS = Integer.getInteger("threads", 2);
    static final int WARMUP = Integer.getInteger("warmup", 300);

    /** {@code reused} (Tenhal's: one HL7 instance validator per thread) or {@code hapi} (HAPI's: one per message). */
    static final String VALIDATOR = System.getProperty("validator", "reused");

    public static void main(String[] args) throws Exception {
        FhirContext fhir = FhirContext.forR4Cached();
        long s0 = System.nanoTime();
        MessageValidation validation = new MessageValidation(fhir, !"hapi".equals(VALIDATOR));
        NphiesReader reader = new NphiesReader(fhir);
        NphiesMessages messages = new NphiesMessages();
        NphiesSimulator simulator = new NphiesSimulator(Clock.systemUTC());
        String base = "http://nphies-simulator.local";
        NphiesTransport transport = new NphiesTransport(
                Outbound.client(base, new InProcessTransport(base, (method, path, header, body) -> {
                    try {
                        var a = simulator.handle(method, path, body);
                        return new InProcessTransport.Response(a.status(), a.body());
                    } catch (java.net.SocketTimeoutException e) {
                        throw new IOException(e);
                    }
                })),
                "/$process-message",
                new Bulkhead("NPHIES", 8));
        double startup = (System.nanoTime() - s0) / 1e9;

        AtomicInteger sequence = new AtomicInteger();
        Runnable one = () -> {
            int n = sequence.incrementAndGet();
            Bundle claim = messages.claim(
                    UUID.randomUUID(),
                    DemoChild.AT,
                    false,
                    DemoChild.PROVIDER,
                    DemoChild.PAYER,
                    DemoChild.member("M-" + (100_000 + n) + (n % 5 == 0 ? "2" : "1")),
                    content(n));
            if (!MessageValidation.errors(validation.validate(claim)).isEmpty()) {
                throw new IllegalStateException("claim " + n + " is not valid");
            }
            var answer = transport.send(reader.json(claim));
            if (answer.status() != 200) {
                throw new IllegalStateException("HTTP " + answer.status());
            }
            Bundle response = reader.parse(answer.body());
            ClaimResponse r = reader.first(response, ClaimResponse.class).orElseThrow();
            if (reader.adjudication(r).benefitTotal() == null) {
                throw new IllegalStateException("no adjudication");
            }
        };
        long w0 = System.nanoTime();
        for (int i = 0; i < WARMUP; i++) {
            one.run();
        }
        double warmup = (System.nanoTime() - w0) / 1e9;

        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        double single = run(one, CLAIMS, 1);
        double cpuPerClaim = (os.getProcessCpuTime() - cpu0) / 1e6 / CLAIMS;
        double parallel = THREADS > 1 ? run(one, CLAIMS, THREADS) : single;

        StringBuilder out = new StringBuilder();
        out.append("| measure | result | target |\n|---|---|---|\n");
        out.append("| validator | %s | |\n".formatted(VALIDATOR));
        out.append("| validator start (FHIR R4 definitions loaded) | %.1f s | |\n".formatted(startup));
        out.append("| warm-up: %d claims | %.1f s | |\n".formatted(WARMUP, warmup));
        out.append(
                "| %d claims built, validated, sent, answered and read, 1 thread | %.1f s, **%.0f claims/s** | ≥ 50/s |\n"
                        .formatted(CLAIMS, CLAIMS / single, single));
        out.append("| CPU per claim (the whole process, 1 thread run) | %.1f ms, i.e. %.0f claims per CPU-second | |\n"
                .formatted(cpuPerClaim, 1000 / cpuPerClaim));
        out.append("| load average during the run (2 cores) | %.1f | |\n".formatted(os.getSystemLoadAverage()));
        if (THREADS > 1) {
            out.append("| %d claims, %d threads | %.1f s, **%.0f claims/s** | ≥ 50/s |\n"
                    .formatted(CLAIMS, THREADS, CLAIMS / parallel, parallel));
        }
        out.append("| simulator: messages received | %d | %d |\n"
                .formatted(simulator.received().size(), WARMUP + CLAIMS * (THREADS > 1 ? 2 : 1)));
        System.out.println();
        System.out.println(out);
        System.exit(0);
    }

    /** Claims per second over {@code count} claims on {@code threads} threads. */
    static double run(Runnable one, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger left = new AtomicInteger(count);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    one.run();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return count / seconds;
    }

    static Parties.ClaimContent content(int n) {
        Parties.ClaimContent base = DemoChild.visit("clm_bench_" + n, List.of("PA-" + n));
        int lines = 1 + n % 3;
        List<Parties.Item> items = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Parties.Item template = base.items().get(i % base.items().size());
            items.add(new Parties.Item(
                    i + 1,
                    template.system(),
                    template.code(),
                    template.display(),
                    template.quantity(),
                    template.unitPrice().add(BigDecimal.valueOf(n % 7)),
                    template.tax(),
                    template.patientShare(),
                    template.patientInvoice(),
                    LocalDate.of(2026, 12, 5),
                    template.serviceId()));
        }
        return new Parties.ClaimContent(
                base.identifier(),
                base.encounterId(),
                base.encounterDay(),
                base.followUp(),
                base.practitioner(),
                base.diagnoses(),
                items,
                base.preAuthRefs(),
                null);
    }
}
