package sa.tenhal.referrals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientsMerged;
import sa.tenhal.platform.ClinicTime;

/** When two records of one person are merged, the duplicate's referrals move to the survivor. */
@Component
class MergedPatients {

    private final ReferralRepository referrals;
    private final ClinicTime time;

    MergedPatients(ReferralRepository referrals, ClinicTime time) {
        this.referrals = referrals;
        this.time = time;
    }

    @ApplicationModuleListener
    void on(PatientsMerged merged) {
        for (Referral referral : referrals.findByPatientIdOrderByCreatedAtDescIdDesc(
                merged.merged().value())) {
            referral.moveTo(merged.survivor());
            referrals.saveAndFlush(referral);
        }
    }
}
