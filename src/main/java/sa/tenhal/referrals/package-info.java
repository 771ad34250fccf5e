/**
 * Referrals between the centre's clinics (seed "referrals": ReferralService, the referral signals, tasks and
 * schedules): create, accept, reject, complete and cancel, closed-loop with the receiving clinic's first
 * appointment; service levels in working days; automatic rules; statistics.
 *
 * <ul>
 *   <li>API: {@link sa.tenhal.referrals.Referrals}, {@link sa.tenhal.referrals.AutoReferrals},
 *       {@link sa.tenhal.referrals.ReferralStatisticsQuery}, {@link sa.tenhal.referrals.ReferralFollowUp} (the jobs).
 *   <li>Publishes {@link sa.tenhal.referrals.ReferralCreated}, {@link sa.tenhal.referrals.ReferralAccepted},
 *       {@link sa.tenhal.referrals.ReferralRejected}, {@link sa.tenhal.referrals.ReferralCompleted},
 *       {@link sa.tenhal.referrals.ReferralCancelled}, {@link sa.tenhal.referrals.ReferralOverdue},
 *       {@link sa.tenhal.referrals.ReferralStatisticsCompiled}: ids, statuses and counts, never patient data.
 *   <li>Listens to {@code AppointmentBooked}, {@code AppointmentCancelled} and {@code AppointmentCompleted} (the
 *       closed loop and automatic rules for completed services) and {@code PatientsMerged} (referrals follow the
 *       surviving record), and visits' {@code DiagnosisRecorded} (the automatic rules for diagnoses).
 *   <li>Contributes the {@code referrals} section of the patient summary (not to finance staff).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Referrals",
        allowedDependencies = {
            "appointments",
            "clinics",
            "visits",
            "patients",
            "identity",
            "platform",
            "platform :: jobs",
            "platform :: validation",
            "shared"
        })
package sa.tenhal.referrals;
