package sa.tenhal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * The seed's PackageService: package definitions; buying one (an invoice is issued, the package is active once it is
 * paid); using a session when a covered visit completes (once per visit); the balance of sessions; expiry when the
 * validity ends; refunding unused sessions pro rata (with a credit note).
 */
@Service
@Transactional
public class Packages {

    private final PackageDefinitions definitions;
    private final PatientPackages packages;
    private final Billing billing;
    private final Payments payments;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final JdbcClient jdbc;

    Packages(
            PackageDefinitions definitions,
            PatientPackages packages,
            Billing billing,
            Payments payments,
            ClinicCatalog catalog,
            ClinicTime time,
            JdbcClient jdbc) {
        this.definitions = definitions;
        this.packages = packages;
        this.billing = billing;
        this.payments = payments;
        this.catalog = catalog;
        this.time = time;
        this.jdbc = jdbc;
    }

    public PackageDefinitionView define(PackageRequests.Definition form) {
        BigDecimal price = Sar.exact("price", form.price(), true);
        for (UUID service : form.serviceIds()) {
            try {
                catalog.service(new ServiceId(service));
            } catch (NotFoundException e) {
                throw new InvalidFieldsException("serviceIds", service + " names no service");
            }
        }
        try {
            return definitions
                    .saveAndFlush(new PackageDefinition(
                            form.centreCode(),
                            form.code(),
                            form.nameEn(),
                            form.nameAr(),
                            form.sessions(),
                            price,
                            form.validityDays(),
                            form.serviceIds(),
                            time.now()))
                    .view();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "duplicate-package", "Duplicate package", "The centre has a package with this code");
        }
    }

    @Transactional(readOnly = true)
    public List<PackageDefinitionView> definitions() {
        return definitions.findByActiveTrueOrderByNameEnAscIdAsc().stream()
                .map(PackageDefinition::view)
                .toList();
    }

    /** Buys a package for a patient: an issued invoice for its price (VAT as for the services it covers). */
    public PatientPackageView purchase(PackageRequests.Purchase request) {
        PackageDefinition definition = definitions
                .findById(request.definitionId())
                .filter(PackageDefinition::active)
                .orElseThrow(() -> new NotFoundException("Package definition", request.definitionId()));
        PatientDetails patient = billing.patient(request.patientId());
        PatientPackage pkg = packages.save(new PatientPackage(definition, request.patientId(), time.now()));
        Invoice invoice = billing.draft(
                patient, Payer.PATIENT, null, definition.centreCode(), null, null, null, pkg.id(), time.today());
        invoice.addLine(
                null,
                "Package: " + definition.nameEn() + " (" + definition.sessions() + " sessions)",
                "باقة: " + definition.nameAr() + " (" + definition.sessions() + " جلسات)",
                1,
                definition.price(),
                HealthcareVat.treatment(VatCategory.STANDARD, Payer.PATIENT, HealthcareVat.citizen(patient)),
                time.now());
        Invoice issued = billing.issue(invoice);
        pkg.billedBy(issued.id());
        return packages.save(pkg).view(definition);
    }

    /**
     * Uses one session of the patient's active package that covers the visit's service, once per appointment
     * (the unique appointment id on the session makes a replay a no-op). True if a package pays for the visit.
     */
    boolean consumeFor(CompletedVisit visit, LocalDate day) {
        Long already = jdbc.sql("select count(*) from package_session where appointment_id = :appointment")
                .param("appointment", visit.appointmentId())
                .query(Long.class)
                .single();
        if (already > 0) {
            return true;
        }
        for (PatientPackage pkg : packages.lockActive(visit.patientId().value())) {
            PackageDefinition definition =
                    definitions.findById(pkg.definitionId()).orElseThrow();
            if (pkg.usableOn(day)
                    && definition.serviceIds().contains(visit.serviceId().value())) {
                pkg.consume();
                packages.save(pkg);
                jdbc.sql("""
                                insert into package_session (id, package_id, appointment_id, service_id, consumed_at)
                                values (:id, :package, :appointment, :service, :at)""")
                        .param("id", Ids.newId())
                        .param("package", pkg.id())
                        .param("appointment", visit.appointmentId())
                        .param("service", visit.serviceId().value())
                        .param("at", java.sql.Timestamp.from(time.now()))
                        .update();
                return true;
            }
        }
        return false;
    }

    /** The patient's packages, newest first, with their balance of sessions. */
    @Transactional(readOnly = true)
    public List<PatientPackageView> ofPatient(PatientId patient) {
        List<PatientPackage> list = packages.findByPatientIdOrderByPurchasedAtDescIdDesc(patient.value());
        Map<UUID, PackageDefinition> defs =
                definitions
                        .findAllById(
                                list.stream().map(PatientPackage::definitionId).toList())
                        .stream()
                        .collect(Collectors.toMap(PackageDefinition::id, Function.identity()));
        return list.stream().map(p -> p.view(defs.get(p.definitionId()))).toList();
    }

    @Transactional(readOnly = true)
    public PatientPackageView find(PackageId id) {
        PatientPackage pkg = packages.findById(id.value()).orElseThrow(() -> new NotFoundException("Package", id));
        return pkg.view(definitions.findById(pkg.definitionId()).orElse(null));
    }

    /** The daily expiry: active packages past their last valid day expire; unused sessions lapse. */
    public int expire() {
        LocalDate today = time.today();
        int expired = 0;
        for (UUID id : packages.pastValidity(today)) {
            PatientPackage pkg = packages.lock(id).orElseThrow();
            if (pkg.expire(today, time.now())) {
                packages.save(pkg);
                expired++;
            }
        }
        return expired;
    }

    /**
     * Refunds the unused sessions of an active package pro rata: paid total × unused ÷ sessions, rounded half-up,
     * with a credit note against the package's invoice. The package is closed.
     */
    public RefundView refund(PackageId id, String reason, UUID recordedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldsException(List.of(
                    sa.tenhal.platform.FieldProblem.coded("reason", "refund.reasonRequired", "must not be blank")));
        }
        PatientPackage pkg = packages.lock(id.value()).orElseThrow(() -> new NotFoundException("Package", id));
        if (pkg.status() != PackageStatus.ACTIVE) {
            throw ConflictException.illegalTransition("package", pkg.status(), "refund");
        }
        InvoiceView invoice = billing.view(pkg.invoiceId());
        BigDecimal amount = Sar.round(invoice.paid()
                .multiply(BigDecimal.valueOf(pkg.unused()))
                .divide(BigDecimal.valueOf(pkg.sessions()), 10, RoundingMode.HALF_UP));
        pkg.refunded(amount, time.now());
        packages.save(pkg);
        if (amount.signum() == 0) {
            return null;
        }
        return payments.refundOnInvoice(
                pkg.invoiceId(), amount, "Unused package sessions: " + reason.strip(), recordedBy);
    }
}
