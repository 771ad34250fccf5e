package sa.tenhal.referrals;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/** The weekly referral statistics were compiled; the managers get them by email. Counts only, no patient data. */
@DomainEvent
public record ReferralStatisticsCompiled(ReferralStatistics statistics, Instant at) {}
