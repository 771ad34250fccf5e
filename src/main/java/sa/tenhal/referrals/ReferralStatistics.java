package sa.tenhal.referrals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The seed's get_referral_statistics for referrals made in a date range (clinic-local days, both included): counts
 * by status, the acceptance rate (accepted of those answered), and the median hours from referral to acceptance and
 * to completion — per pair of clinics and in total.
 */
public record ReferralStatistics(LocalDate from, LocalDate to, Counts total, List<Counts> byClinicPair) {

    /**
     * One row. {@code toClinicId} is null for referrals to outside facilities; {@code fromClinicId} is null in the
     * total.
     */
    public record Counts(
            UUID fromClinicId,
            UUID toClinicId,
            long referrals,
            long pending,
            long accepted,
            long rejected,
            long completed,
            long cancelled,
            long answered,
            BigDecimal acceptanceRate,
            BigDecimal medianHoursToAccept,
            BigDecimal medianHoursToComplete) {

        static BigDecimal rate(long accepted, long answered) {
            return answered == 0
                    ? null
                    : BigDecimal.valueOf(accepted).divide(BigDecimal.valueOf(answered), 4, RoundingMode.HALF_UP);
        }
    }
}
