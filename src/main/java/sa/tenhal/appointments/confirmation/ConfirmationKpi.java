package sa.tenhal.appointments.confirmation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The seed's KPI, the share of appointments confirmed before the day of the visit, for visits on {@code from} to {@code to}
 * (clinic-local dates, both included), optionally of one clinic or provider.
 *
 * @param appointments visits in the range that were not cancelled (declined ones are cancelled)
 * @param confirmedBeforeDay of those, confirmed before the local day of the visit (by any method)
 * @param share {@code confirmedBeforeDay / appointments}, 0 to 1 with 4 decimals (0 when there are none)
 * @param declined visits in the range that the patient declined
 * @param byMethod confirmations before the day, by method
 */
public record ConfirmationKpi(
        LocalDate from,
        LocalDate to,
        UUID clinicId,
        UUID providerId,
        long appointments,
        long confirmedBeforeDay,
        BigDecimal share,
        long declined,
        Map<String, Long> byMethod) {}
