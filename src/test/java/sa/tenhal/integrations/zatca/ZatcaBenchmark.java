package sa.tenhal.integrations.zatca;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.TenhalApplication;
import sa.tenhal.Unique;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.integrations.outbound.Submissions;

/**
 * ZATCA e-invoicing throughput. Not a test: {@code mvn -Pbench
 * -Dbench=sa.tenhal.integrations.zatca.ZatcaBenchmark test-compile exec:java} ({@code -Ddocuments=N -Dpending=N
 * -Dsweep=false}).
 *
 * <ol>
 *   <li>Signing on one core: write the UBL document, hash (C14N 1.1), sign (ECDSA secp256k1), QR — one thread, after a
 *       warm-up; documents per second (target ≥ 200).
 *   <li>The nightly sweep: {@code pending} documents sealed while ZATCA is away, then {@code submit-zatca-invoices}
 *       sends them all through the simulator (which parses, re-hashes, verifies the signature and checks the KSA
 *       rules of each); the wall time (target: 10,000 in under 2 minutes) and that every one was accepted.
 * </ol>
 */
public final class ZatcaBenchmark {

    static final int DOCUMENTS = Integer.getInteger("documents", 5_000);
    static final int PENDING = Integer.getInteger("pending", 10_000);

    public static void main(String[] args) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("| measure | result | target |\n|---|---|---|\n");
        signing(out);
        if (!"false".equals(System.getProperty("sweep"))) {
            sweep(out);
        }
        System.out.println();
        System.out.println(out);
        System.exit(0);
    }

    static void signing(StringBuilder out) {
        StampKey key = ZatcaSamples.sdkKey();
        List<UblWriter.Input> kinds = ZatcaSamples.everyKind();
        for (int i = 0; i < 2_000; i++) {
            Stamper.stamp(kinds.get(i % kinds.size()), key);
        }
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            bytes += Stamper.stamp(kinds.get(i % kinds.size()), key).xml().length;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        out.append(String.format(
                "| signing, one thread: %,d documents (8 kinds, %,d bytes each on average) | %.0f documents/s wall, %.0f"
                        + " per CPU-second | ≥ 200/s on one core |%n",
                DOCUMENTS, bytes / DOCUMENTS, DOCUMENTS / seconds, DOCUMENTS / cpuSeconds));
        long v0 = System.nanoTime();
        byte[] sample = Stamper.stamp(kinds.get(1), key).xml();
        int verified = 0;
        for (int i = 0; i < 2_000; i++) {
            verified += Inspector.inspect(sample).signatureValid() ? 1 : 0;
        }
        out.append(String.format(
                "| inspecting (parse, hash, verify, QR), one thread | %.0f documents/s | — |%n",
                verified / ((System.nanoTime() - v0) / 1e9)));
    }

    static void sweep(StringBuilder out) throws Exception {
        String dataDir = java.nio.file.Files.createTempDirectory("tenhal-bench")
                .resolve("postgres")
                .toString();
        ConfigurableApplicationContext app = SpringApplication.run(
                TenhalApplication.class,
                "--server.port=0",
                "--tenhal.demo.enabled=false",
                "--tenhal.database.url=",
                "--tenhal.database.embedded.data-directory=" + dataDir,
                "--tenhal.jobs.execute=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
        try {
            String centre = Unique.code("ZB");
            app.getBean(CatalogAdministration.class)
                    .createCentre(new CentreForm(
                            centre,
                            "Tenhal Child Development Centre",
                            "مركز تنهال لتنمية الطفل",
                            "310122393500003",
                            "1010101010",
                            null,
                            "King Fahd Road",
                            "1234",
                            "Al Olaya",
                            "Riyadh",
                            "12211"));
            TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            Onboarding onboarding = app.getBean(Onboarding.class);
            tx.executeWithoutResult(s -> onboarding.onboardOnSimulator(centre));
            ZatcaSeal seal = app.getBean(ZatcaSeal.class);
            List<UblWriter.Input> kinds = ZatcaSamples.everyKind();
            long s0 = System.nanoTime();
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < PENDING; i++) {
                UblWriter.Input sample = kinds.get(i % kinds.size());
                InvoiceView v = retarget(sample.document(), centre, i);
                InvoiceView original = sample.original() == null ? null : retarget(sample.original(), centre, -1);
                tx.executeWithoutResult(s -> seal.seal(v, original));
                ids.add(v.id().value());
            }
            double sealing = (System.nanoTime() - s0) / 1e9;
            ZatcaSubmitting submitting = app.getBean(ZatcaSubmitting.class);
            Submissions submissions = app.getBean(Submissions.class);
            long t0 = System.nanoTime();
            int tried = submitting.sweep();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            long accepted = ids.stream()
                    .filter(id -> submissions
                            .find(ZatcaSeal.PARTNER, id)
                            .map(s -> s.state().accepted())
                            .orElse(false))
                    .count();
            out.append(String.format(
                    "| sealing %,d documents one by one, each in its own issuing transaction (chain lock, write, sign,"
                            + " store) | %.0f documents/s | — |%n",
                    PENDING, PENDING / sealing));
            out.append(String.format(
                    "| nightly sweep: %,d pending documents reported or cleared through the simulator | %.1f s (%.0f"
                            + " documents/s), %,d accepted of %,d | 10,000 in < 2 min |%n",
                    tried, took.toMillis() / 1000.0, tried / (took.toMillis() / 1000.0), accepted, PENDING));
        } finally {
            app.close();
        }
    }

    /** The sample as a document of the benchmark's centre, with its own id and number. */
    static InvoiceView retarget(InvoiceView d, String centre, int n) {
        return new InvoiceView(
                n < 0 ? d.id() : new InvoiceId(UUID.randomUUID()),
                d.kind(),
                d.payer(),
                d.status(),
                centre,
                n < 0 ? d.number() : d.kind().series() + "-" + centre + "-" + String.format("%06d", n + 1),
                d.originalInvoiceId(),
                d.appointmentId(),
                d.packageId(),
                d.patientId(),
                d.clinicId(),
                d.providerId(),
                d.insurerId(),
                d.insurerName(),
                d.buyerName(),
                d.buyerNationalId(),
                d.reason(),
                d.invoiceDiscount(),
                d.invoiceDiscountPercent(),
                d.invoiceDiscountReason(),
                d.lineExtension(),
                d.discountTotal(),
                d.taxableAmount(),
                d.vatTotal(),
                d.total(),
                d.paid(),
                d.credited(),
                d.balance(),
                d.serviceDate(),
                d.issueDate(),
                d.issuedAt(),
                d.dueDate(),
                d.lines(),
                d.version());
    }
}
