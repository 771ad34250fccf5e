package sa.tenhal.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.DemoData;

/**
 * The demo centre's past invoices and payments (issue 20), for the completed visits of {@code DemoHistory}: the
 * clinic's pre-existing state, "from the previous system". Written straight into the tables like the visit history —
 * no events, so nothing is announced, reminded or re-billed — with their own number series ({@code HIS-…}, never
 * colliding with the live {@code INV-…} numbers), and neither sealed nor submitted for ZATCA (back-dated documents
 * would break the e-invoice chain and are past ZATCA's 24-hour window; they carry no {@code zatca_document} and no
 * submission, so the sweep never sees them, and their PDFs show the phase-1 QR). Most are paid (cash, mada, card on
 * the visit day); the last fortnight's every seventh is still open and not yet due; a few older ones are overdue with
 * the whole reminder schedule already behind them, so the overdue job sends no reminder storm on the first start.
 * Deterministic in shape (by the visit's position).
 */
@Component
@DemoData
@Order(50)
class DemoFinanceHistory implements ApplicationRunner {

    static final String PREFIX = "HIS-";

    private static final Logger log = LoggerFactory.getLogger(DemoFinanceHistory.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final FinanceProperties properties;
    private final ClinicTime time;
    private final String centreCode;

    DemoFinanceHistory(
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            ClinicCatalog catalog,
            PatientRegistry patients,
            FinanceProperties properties,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.catalog = catalog;
        this.patients = patients;
        this.properties = properties;
        this.time = time;
        this.centreCode = centreCode;
    }

    record Visit(UUID id, UUID patient, UUID clinic, UUID provider, UUID service, Instant completedAt) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from invoice where number like 'HIS-%')")
                .query(Boolean.class)
                .single()) {
            return;
        }
        Instant today = time.today().atStartOfDay(time.zone()).toInstant();
        // the appointments module's history, read as plain rows (no dependency on its internals)
        List<Visit> visits = jdbc.sql("""
                        select a.id, a.patient_id, a.clinic_id, a.provider_id, a.service_id, a.completed_at
                        from appointment a
                        where a.status = 'COMPLETED' and a.completed_at < :today
                          and not exists (select 1 from invoice i where i.appointment_id = a.id)
                        order by a.completed_at, a.id""")
                .param("today", ts(today))
                .query((rs, n) -> new Visit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        if (visits.isEmpty()) {
            return;
        }
        Map<UUID, ServiceDetails> services = catalog.services(null, true, PageRequest.of(0, 200)).stream()
                .collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
        Map<UUID, PatientDetails> people = patients.list(PatientStatus.ACTIVE, PageRequest.of(0, 200)).stream()
                .collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        int reminders = properties.overdueReminderDays().size();
        List<Object[]> invoiceRows = new ArrayList<>();
        List<Object[]> lineRows = new ArrayList<>();
        List<Object[]> paymentRows = new ArrayList<>();
        List<Object[]> allocationRows = new ArrayList<>();
        int n = 0;
        for (Visit visit : visits) {
            ServiceDetails service = services.get(visit.service());
            PatientDetails patient = people.get(visit.patient());
            if (service == null || patient == null || service.price().signum() <= 0) {
                continue;
            }
            n++;
            VatTreatment vat =
                    HealthcareVat.treatment(service.vatCategory(), Payer.PATIENT, HealthcareVat.citizen(patient));
            BigDecimal net = service.price().setScale(2, RoundingMode.HALF_UP);
            BigDecimal tax = net.multiply(vat.rate()).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            BigDecimal total = net.add(tax);
            LocalDate day = visit.completedAt().atZone(time.zone()).toLocalDate();
            LocalDate due = day.plusDays(properties.patientPaymentDays());
            long ago = time.today().toEpochDay() - day.toEpochDay();
            // by position: older than the payment term and every 11th one overdue; in the last fortnight every 7th open
            InvoiceStatus status;
            if (ago > properties.patientPaymentDays() + 7 && n % 11 == 0) {
                status = InvoiceStatus.OVERDUE;
            } else if (ago <= properties.patientPaymentDays() && n % 7 == 0) {
                status = InvoiceStatus.ISSUED;
            } else {
                status = InvoiceStatus.PAID;
            }
            UUID invoice = UUID.nameUUIDFromBytes(("demo-history-invoice-" + visit.id()).getBytes());
            Instant issued = visit.completedAt().plus(Duration.ofMinutes(5));
            BigDecimal paid = status == InvoiceStatus.PAID ? total : BigDecimal.ZERO.setScale(2);
            invoiceRows.add(new Object[] {
                invoice,
                status.name(),
                centreCode,
                PREFIX + centreCode + "-" + String.format("%06d", n),
                visit.id(),
                visit.patient(),
                visit.clinic(),
                visit.provider(),
                net,
                net,
                tax,
                total,
                paid,
                status == InvoiceStatus.OVERDUE ? reminders : 0,
                day,
                day,
                ts(issued),
                due,
                ts(issued),
                ts(status == InvoiceStatus.PAID ? issued.plus(Duration.ofMinutes(2)) : issued)
            });
            lineRows.add(new Object[] {
                UUID.nameUUIDFromBytes(("demo-history-line-" + visit.id()).getBytes()),
                invoice,
                service.id().value(),
                service.nameEn(),
                service.nameAr(),
                net,
                net,
                net,
                vat.category(),
                vat.rate(),
                vat.exemptionCode(),
                vat.exemptionReason(),
                tax,
                total
            });
            if (status == InvoiceStatus.PAID && total.signum() > 0) {
                UUID payment = UUID.nameUUIDFromBytes(("demo-history-payment-" + visit.id()).getBytes());
                PaymentMethod method =
                        n % 3 == 0 ? PaymentMethod.CASH : n % 3 == 1 ? PaymentMethod.MADA : PaymentMethod.CARD;
                Instant at = issued.plus(Duration.ofMinutes(2));
                paymentRows.add(new Object[] {
                    payment,
                    visit.patient(),
                    method.name(),
                    total,
                    total,
                    method == PaymentMethod.CASH ? null : "HIS-POS-" + n,
                    ts(at),
                    "HIS-RCT-" + String.format("%06d", n)
                });
                allocationRows.add(new Object[] {
                    UUID.nameUUIDFromBytes(("demo-history-allocation-" + visit.id()).getBytes()),
                    payment,
                    invoice,
                    total,
                    ts(at)
                });
            }
        }
        jdbcTemplate.batchUpdate("""
                insert into invoice (id, kind, payer, status, centre_code, number, appointment_id, patient_id, clinic_id,
                    provider_id, line_extension, taxable_amount, vat_total, total, paid, reminders_issued, service_date,
                    issue_date, issued_at, due_date, created_at, updated_at, discount_total)
                values (?, 'INVOICE', 'PATIENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", invoiceRows);
        jdbcTemplate.batchUpdate("""
                insert into invoice_line (id, invoice_id, position, service_id, description_en, description_ar,
                    quantity, unit_price, gross, net, vat_category, vat_rate, exemption_code, exemption_reason, vat, total)
                values (?, ?, 1, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lineRows);
        jdbcTemplate.batchUpdate("""
                insert into payment (id, payer, patient_id, method, amount, allocated, reference, received_at,
                    receipt_number)
                values (?, 'PATIENT', ?, ?, ?, ?, ?, ?, ?)""", paymentRows);
        jdbcTemplate.batchUpdate("""
                insert into payment_allocation (id, payment_id, invoice_id, amount, allocated_at)
                values (?, ?, ?, ?, ?)""", allocationRows);
        log.info(
                "Demo history: {} past invoices (HIS- series, not for ZATCA), {} paid",
                invoiceRows.size(),
                paymentRows.size());
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
