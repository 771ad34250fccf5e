package sa.tenhal.referrals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import sa.tenhal.visits.DiagnosisRecorded;

/**
 * A diagnosis recorded in a visit runs the automatic referral rules (the check endpoint stays for outside systems):
 * once per diagnosis, however often the event is delivered.
 */
@Component
class DiagnosisTriggers {

    private final AutoReferrals rules;

    DiagnosisTriggers(AutoReferrals rules) {
        this.rules = rules;
    }

    @ApplicationModuleListener
    void on(DiagnosisRecorded recorded) {
        rules.check(new ClinicalTrigger(
                TriggerKind.DIAGNOSIS,
                recorded.code(),
                recorded.patientId().value(),
                recorded.clinicId(),
                recorded.providerId(),
                "diagnosis:" + recorded.diagnosisId()));
    }
}
