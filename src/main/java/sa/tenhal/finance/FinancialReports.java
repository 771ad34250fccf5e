package sa.tenhal.finance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.documents.Documents;
import sa.tenhal.shared.Language;

/**
 * The seed's generate_financial_report: the report for any range (API) and the weekly and monthly ones the jobs
 * announce ({@link FinancialReportDue}), as data, PDF and CSV. Read-only over finance's tables.
 */
@Service
@Transactional(readOnly = true)
public class FinancialReports {

    /** Credit notes count negative. */
    private static String signed(String column) {
        return "sum(case when i.kind = 'CREDIT_NOTE' then -" + column + " else " + column + " end)";
    }

    private static final String ISSUED_IN =
            "i.status not in ('DRAFT', 'CANCELLED') and i.issue_date between :from and :to";

    private final JdbcClient jdbc;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final Documents documents;
    private final ApplicationEventPublisher events;

    FinancialReports(
            JdbcClient jdbc,
            ClinicCatalog catalog,
            ClinicTime time,
            Documents documents,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.time = time;
        this.documents = documents;
        this.events = events;
    }

    public FinancialReport report(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InvalidFieldsException("to", "must be on or after from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldsException("to", "a report covers at most five years");
        }
        List<RawRevenue> clinics = revenue("i.clinic_id", from, to);
        List<RawRevenue> services = revenue("l.service_id", from, to);
        List<RawRevenue> providers = revenue("i.provider_id", from, to);
        var clinicNames =
                catalog.clinics(ids(clinics).stream().map(ClinicId::new).toList());
        var serviceNames =
                catalog.services(ids(services).stream().map(ServiceId::new).toList());
        var providerNames =
                catalog.providers(ids(providers).stream().map(ProviderId::new).toList());
        return new FinancialReport(
                from,
                to,
                named(
                        clinics,
                        id -> names(clinicNames.get(new ClinicId(id)), d -> d.nameEn(), d -> d.nameAr()),
                        NO_CLINIC),
                named(
                        services,
                        id -> names(serviceNames.get(new ServiceId(id)), d -> d.nameEn(), d -> d.nameAr()),
                        NO_SERVICE),
                named(
                        providers,
                        id -> names(providerNames.get(new ProviderId(id)), d -> d.nameEn(), d -> d.nameAr()),
                        NO_PROVIDER),
                collections(from, to),
                vat(from, to),
                ageing(to),
                packages());
    }

    private record RawRevenue(UUID id, BigDecimal net, BigDecimal vat, long lines) {}

    private List<RawRevenue> revenue(String key, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + key + " as group_key, " + signed("l.net") + " as net, " + signed("l.vat")
                        + " as vat, count(*) as line_count from invoice_line l"
                        + " join invoice i on i.id = l.invoice_id where " + ISSUED_IN + " group by " + key
                        + " order by 2 desc, 1")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new RawRevenue(
                        rs.getObject("group_key", UUID.class),
                        rs.getBigDecimal("net").setScale(2),
                        rs.getBigDecimal("vat").setScale(2),
                        rs.getLong("line_count")))
                .list();
    }

    private static List<UUID> ids(List<RawRevenue> rows) {
        return rows.stream()
                .map(RawRevenue::id)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static <T> String[] names(T details, Function<T, String> en, Function<T, String> ar) {
        return details == null ? new String[] {"—", "—"} : new String[] {en.apply(details), ar.apply(details)};
    }

    /*
     * Revenue that has no clinic, service or provider is named for what it is: a package sold, a line added by hand,
     * an insurer's share invoiced on its own.
     */
    private static final String[] NO_CLINIC = {
        "No clinic (package sales and manual lines)", "دون عيادة (بيع الباقات والبنود اليدوية)"
    };
    private static final String[] NO_SERVICE = {
        "No catalogue service (package sales and manual lines)", "دون خدمة من الدليل (بيع الباقات والبنود اليدوية)"
    };
    private static final String[] NO_PROVIDER = {
        "No provider on the invoice (packages, manual and insurer invoices)",
        "دون مقدم خدمة في الفاتورة (الباقات والفواتير اليدوية وفواتير التأمين)"
    };

    private static List<FinancialReport.Revenue> named(
            List<RawRevenue> rows, Function<UUID, String[]> names, String[] unassigned) {
        return rows.stream()
                .map(r -> {
                    String[] name = r.id() == null ? unassigned : names.apply(r.id());
                    return new FinancialReport.Revenue(r.id(), name[0], name[1], r.net(), r.vat(), r.lines());
                })
                .toList();
    }

    private List<FinancialReport.Collection> collections(LocalDate from, LocalDate to) {
        Timestamp start = Timestamp.from(from.atStartOfDay(time.zone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(time.zone()).toInstant());
        Map<String, BigDecimal> refunded = new java.util.HashMap<>();
        jdbc.sql("""
                        select p.method, sum(r.amount) as refunded from refund r join payment p on p.id = r.payment_id
                        where r.refunded_at >= :start and r.refunded_at < :end group by p.method""")
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> refunded.put(rs.getString("method"), rs.getBigDecimal("refunded")))
                .list();
        List<FinancialReport.Collection> list = new ArrayList<>();
        for (PaymentMethod method : PaymentMethod.values()) {
            var row = jdbc.sql("""
                            select count(*) as payments, coalesce(sum(amount), 0) as received from payment
                            where method = :method and received_at >= :start and received_at < :end""")
                    .param("method", method.name())
                    .param("start", start)
                    .param("end", end)
                    .query((rs, n) -> new Object[] {rs.getLong("payments"), rs.getBigDecimal("received")})
                    .single();
            BigDecimal received = ((BigDecimal) row[1]).setScale(2);
            BigDecimal back =
                    refunded.getOrDefault(method.name(), BigDecimal.ZERO).setScale(2);
            list.add(new FinancialReport.Collection(method, (Long) row[0], received, back, received.subtract(back)));
        }
        return list;
    }

    private List<FinancialReport.Vat> vat(LocalDate from, LocalDate to) {
        return jdbc.sql("select l.vat_category, l.vat_rate, l.exemption_code, " + signed("l.net") + " as taxable, "
                        + signed("l.vat") + " as vat from invoice_line l join invoice i on i.id = l.invoice_id"
                        + " where " + ISSUED_IN + " group by l.vat_category, l.vat_rate, l.exemption_code"
                        + " order by l.vat_category, l.exemption_code, l.vat_rate")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new FinancialReport.Vat(
                        rs.getString("vat_category"),
                        rs.getBigDecimal("vat_rate"),
                        rs.getString("exemption_code"),
                        rs.getBigDecimal("taxable").setScale(2),
                        rs.getBigDecimal("vat").setScale(2)))
                .list();
    }

    /** Open documents issued by {@code day}, by days past due on that day (what is open now). */
    private List<FinancialReport.Ageing> ageing(LocalDate day) {
        Map<String, Object[]> buckets = new java.util.LinkedHashMap<>();
        for (String b : new String[] {"0-30", "31-60", "61-90", "90+"}) {
            buckets.put(b, new Object[] {0L, BigDecimal.ZERO.setScale(2)});
        }
        jdbc.sql("""
                        select case when :day - due_date <= 30 then '0-30' when :day - due_date <= 60 then '31-60'
                                    when :day - due_date <= 90 then '61-90' else '90+' end as bucket,
                               count(*) as documents, sum(total - paid - credited) as open
                        from invoice where kind <> 'CREDIT_NOTE' and status in ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')
                          and issue_date <= :day group by 1""")
                .param("day", day)
                .query((rs, n) -> buckets.put(
                        rs.getString("bucket"), new Object[] {rs.getLong("documents"), rs.getBigDecimal("open")}))
                .list();
        return buckets.entrySet().stream()
                .map(e -> new FinancialReport.Ageing(
                        e.getKey(), (Long) e.getValue()[0], ((BigDecimal) e.getValue()[1]).setScale(2)))
                .toList();
    }

    private FinancialReport.PackageLiability packages() {
        return jdbc.sql("""
                        select count(*) as packages, coalesce(sum(sessions - used), 0) as unused,
                               coalesce(sum(round(price * (sessions - used) / sessions, 2)), 0) as amount
                        from patient_package where status = 'ACTIVE'""")
                .query((rs, n) -> new FinancialReport.PackageLiability(
                        rs.getLong("packages"),
                        rs.getLong("unused"),
                        rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP)))
                .single();
    }

    /** The report as a PDF (tables in the given language). */
    public byte[] pdf(FinancialReport report, Language language) {
        return documents.pdf("finance/report", Map.of("report", report), language);
    }

    /** The report as CSV (UTF-8): one row per figure, {@code section,key,name,count,amount,vat}. */
    public byte[] csv(FinancialReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT
                .builder()
                .setHeader("section", "key", "name", "count", "amount", "vat")
                .get()
                .print(out)) {
            csv.printRecord("period", report.from(), report.to(), "", "", "");
            for (FinancialReport.Revenue r : report.byClinic()) {
                csv.printRecord("revenue_by_clinic", r.id(), r.nameEn(), r.lines(), r.net(), r.vat());
            }
            for (FinancialReport.Revenue r : report.byService()) {
                csv.printRecord("revenue_by_service", r.id(), r.nameEn(), r.lines(), r.net(), r.vat());
            }
            for (FinancialReport.Revenue r : report.byProvider()) {
                csv.printRecord("revenue_by_provider", r.id(), r.nameEn(), r.lines(), r.net(), r.vat());
            }
            for (FinancialReport.Collection c : report.collections()) {
                csv.printRecord(
                        "collections",
                        c.method(),
                        "received " + c.received() + ", refunded " + c.refunded(),
                        c.payments(),
                        c.net(),
                        "");
            }
            for (FinancialReport.Vat v : report.vat()) {
                csv.printRecord(
                        "vat",
                        v.category() + " " + v.rate().stripTrailingZeros().toPlainString() + "%",
                        v.exemptionCode() == null ? "" : v.exemptionCode(),
                        "",
                        v.taxable(),
                        v.vat());
            }
            for (FinancialReport.Ageing a : report.ageing()) {
                csv.printRecord("receivables_ageing", a.bucket(), "days past due", a.documents(), a.open(), "");
            }
            FinancialReport.PackageLiability p = report.packages();
            csv.printRecord(
                    "package_liabilities",
                    "active",
                    "unused sessions " + p.unusedSessions(),
                    p.packages(),
                    p.amount(),
                    "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The weekly report (the previous Monday to Sunday) is due: announced for notifications. */
    @Transactional
    public FinancialReportDue announceWeekly() {
        LocalDate monday = time.today()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        FinancialReportDue due = new FinancialReportDue(FinancialReportDue.Period.WEEKLY, monday, monday.plusDays(6));
        events.publishEvent(due);
        return due;
    }

    /** The monthly report (the previous calendar month) is due. */
    @Transactional
    public FinancialReportDue announceMonthly() {
        LocalDate first = time.today().withDayOfMonth(1).minusMonths(1);
        FinancialReportDue due = new FinancialReportDue(
                FinancialReportDue.Period.MONTHLY, first, first.with(TemporalAdjusters.lastDayOfMonth()));
        events.publishEvent(due);
        return due;
    }
}
