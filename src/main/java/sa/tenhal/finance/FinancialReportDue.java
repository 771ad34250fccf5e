package sa.tenhal.finance;

import java.time.LocalDate;
import org.jmolecules.event.annotation.DomainEvent;

/** The periodic financial report for {@code from}–{@code to} is due to FINANCE and MANAGER users. */
@DomainEvent
public record FinancialReportDue(Period period, LocalDate from, LocalDate to) {

    public enum Period {
        WEEKLY,
        MONTHLY
    }
}
