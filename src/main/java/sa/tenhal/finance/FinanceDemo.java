package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * Demo billing on the embedded default: a few children's visits invoiced and issued, one paid in cash, one part-paid by
 * mada, one left open; a ten-session speech package bought, paid and in use. Children's invoices go to their guardians
 * by SMS only, so the demo's outbox keeps just the staff's welcome emails.
 */
@Component
@DemoData
@Order(40)
class FinanceDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FinanceDemo.class);

    private final Invoices invoices;
    private final Invoicing invoicing;
    private final Payments payments;
    private final Packages packages;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;

    FinanceDemo(
            Invoices invoices,
            Invoicing invoicing,
            Payments payments,
            Packages packages,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time) {
        this.invoices = invoices;
        this.invoicing = invoicing;
        this.payments = payments;
        this.packages = packages;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (invoices.count() > 0) {
            return;
        }
        List<PatientDetails> children = patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 50)).stream()
                .filter(p -> p.email() == null)
                .limit(4)
                .toList();
        List<ServiceDetails> services = catalog.services(null, true, PageRequest.of(0, 100)).stream()
                .filter(s -> s.price().signum() > 0)
                .toList();
        if (children.size() < 4 || services.size() < 3) {
            return;
        }
        Instant yesterday = time.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            ServiceDetails service = services.get(i);
            PatientDetails child = children.get(i);
            ClinicDetails clinic = catalog.clinic(service.clinicId());
            List<InvoiceView> made = invoicing.generateFor(new CompletedVisit(
                    UUID.nameUUIDFromBytes(("demo-visit-" + i).getBytes()),
                    child.id(),
                    clinic.id(),
                    null,
                    service.id(),
                    yesterday,
                    yesterday.plus(service.duration())));
            for (InvoiceView draft : made) {
                InvoiceView issued = invoicing.issue(draft.id());
                if (i < 2 && issued.payer() == Payer.PATIENT) {
                    BigDecimal amount = i == 0
                            ? issued.total()
                            : issued.total().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
                    payments.receive(
                            new PaymentRequests.NewPayment(
                                    child.id().value(),
                                    null,
                                    i == 0 ? PaymentMethod.CASH : PaymentMethod.MADA,
                                    amount,
                                    i == 0 ? null : "POS-10" + i,
                                    null,
                                    null),
                            null);
                }
            }
        }
        ServiceDetails speech = services.get(0);
        PackageDefinitionView definition = packages.define(new PackageRequests.Definition(
                catalog.clinic(speech.clinicId()).centreCode(),
                "PKG10",
                "Ten sessions: " + speech.nameEn(),
                "عشر جلسات: " + speech.nameAr(),
                10,
                speech.price()
                        .multiply(BigDecimal.TEN)
                        .multiply(new BigDecimal("0.85"))
                        .setScale(2, java.math.RoundingMode.HALF_UP),
                120,
                Set.of(speech.id().value())));
        PatientDetails buyer = children.get(3);
        PatientPackageView bought = packages.purchase(
                new PackageRequests.Purchase(buyer.id().value(), definition.id().value()));
        InvoiceView packageInvoice = invoicing.find(bought.invoice());
        payments.receive(
                new PaymentRequests.NewPayment(
                        buyer.id().value(), null, PaymentMethod.CARD, packageInvoice.total(), "POS-2001", null, null),
                null);
        invoicing.generateFor(new CompletedVisit(
                UUID.nameUUIDFromBytes("demo-visit-package".getBytes()),
                buyer.id(),
                speech.clinicId(),
                null,
                speech.id(),
                yesterday,
                yesterday.plus(speech.duration())));
        log.info("Demo billing created: 3 invoiced visits, 1 package in use");
    }
}
