package sa.tenhal.finance;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import sa.tenhal.platform.jobs.RecurringJob;

/** The seed's finance tasks on their schedules (clinic-local time; admins change them at runtime). */
@Configuration(proxyBeanMethods = false)
class FinanceJobs {

    @Bean
    RecurringJob overdueInvoices(Invoicing invoicing) {
        return new RecurringJob(
                "overdue-invoices",
                "0 0 9 * * *",
                "Marks open invoices past their due date OVERDUE and sends the next reminder of the escalation schedule",
                invoicing::markOverdue);
    }

    @Bean
    RecurringJob packageExpiry(Packages packages) {
        return new RecurringJob(
                "package-expiry",
                "0 15 0 * * *",
                "Expires active packages past their last valid day",
                packages::expire);
    }

    @Bean
    RecurringJob weeklyFinancialReport(FinancialReports reports) {
        return new RecurringJob(
                "financial-report-weekly",
                "0 0 7 * * MON",
                "Emails last week's financial report (PDF and CSV) to finance staff and managers",
                reports::announceWeekly);
    }

    @Bean
    RecurringJob monthlyFinancialReport(FinancialReports reports) {
        return new RecurringJob(
                "financial-report-monthly",
                "0 0 7 1 * *",
                "Emails last month's financial report (PDF and CSV) to finance staff and managers",
                reports::announceMonthly);
    }
}
