package sa.tenhal.desk.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import sa.tenhal.appointments.VisitStatistics;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.finance.FinancialReport;
import sa.tenhal.finance.FinancialReports;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.referrals.ReferralStatistics;
import sa.tenhal.referrals.ReferralStatisticsQuery;

/** The manager's figures over a range, gathered from the modules that own them. */
@Service
public class Dashboard {

    /** Everything the dashboard charts draw. */
    public record Figures(
            LocalDate from,
            LocalDate to,
            VisitStatistics.Figures appointments,
            long newPatients,
            ReferralStatistics.Counts referrals,
            List<FinancialReport.Revenue> revenueByClinic,
            List<FinancialReport.Collection> collections) {}

    private final VisitStatistics visits;
    private final PatientRegistry patients;
    private final ReferralStatisticsQuery referrals;
    private final FinancialReports finance;
    private final ClinicTime time;

    Dashboard(
            VisitStatistics visits,
            PatientRegistry patients,
            ReferralStatisticsQuery referrals,
            FinancialReports finance,
            ClinicTime time) {
        this.finance = finance;
        this.visits = visits;
        this.patients = patients;
        this.referrals = referrals;
        this.time = time;
    }

    public Figures between(LocalDate from, LocalDate to, UUID clinic) {
        VisitStatistics.Figures appointments = visits.between(from, to, clinic == null ? null : new ClinicId(clinic));
        long newPatients = patients.registeredBetween(
                from.atStartOfDay(time.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(time.zone()).toInstant());
        ReferralStatistics.Counts referralTotals =
                referrals.between(from, to, null, clinic).total();
        // Money comes from the financial report; collections are the centre's (a payment is not one clinic's).
        FinancialReport money = finance.report(from, to);
        List<FinancialReport.Revenue> revenue = money.byClinic().stream()
                .filter(r -> clinic == null || clinic.equals(r.id()))
                .toList();
        return new Figures(from, to, appointments, newPatients, referralTotals, revenue, money.collections());
    }
}
