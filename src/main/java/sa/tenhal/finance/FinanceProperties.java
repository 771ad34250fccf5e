package sa.tenhal.finance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Finance settings ({@code tenhal.finance.*}).
 *
 * @param patientPaymentDays days from issue to due date on a patient's invoice
 * @param insurerPaymentDays the same for an insurer's share
 * @param insurancePatientSharePercent the patient's share (co-payment) of a covered visit, in percent
 * @param issueOnCompletion issue the invoice of a completed visit at once instead of leaving a draft for review
 * @param discountLimits the largest discount, in percent of the amount discounted, each role may give; the caller's
 *     largest limit applies; a role not named gives none
 * @param overdueReminderDays days past due on which the overdue reminders go out (the escalation schedule)
 */
@ConfigurationProperties("tenhal.finance")
record FinanceProperties(
        Integer patientPaymentDays,
        Integer insurerPaymentDays,
        BigDecimal insurancePatientSharePercent,
        Boolean issueOnCompletion,
        Map<String, BigDecimal> discountLimits,
        List<Integer> overdueReminderDays) {

    FinanceProperties {
        patientPaymentDays = patientPaymentDays == null ? 14 : patientPaymentDays;
        insurerPaymentDays = insurerPaymentDays == null ? 30 : insurerPaymentDays;
        insurancePatientSharePercent =
                insurancePatientSharePercent == null ? new BigDecimal("20") : insurancePatientSharePercent;
        issueOnCompletion = issueOnCompletion != null && issueOnCompletion;
        discountLimits = discountLimits == null || discountLimits.isEmpty()
                ? Map.of(
                        "RECEPTIONIST",
                        new BigDecimal("10"),
                        "FINANCE",
                        new BigDecimal("25"),
                        "MANAGER",
                        new BigDecimal("100"),
                        "ADMIN",
                        new BigDecimal("100"))
                : Map.copyOf(discountLimits);
        overdueReminderDays = overdueReminderDays == null || overdueReminderDays.isEmpty()
                ? List.of(1, 7, 14, 30)
                : List.copyOf(overdueReminderDays);
    }
}
