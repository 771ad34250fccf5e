package sa.tenhal.patients;

import java.time.Instant;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.clinics.ClinicId;

/**
 * Puts patients into clinics' care teams, as a booking or a referral would, for tests whose clinicians must see a
 * patient they did not book.
 */
public class CareTeamFixtures {

    private final CareTeams careTeams;
    private final TransactionTemplate tx;

    public CareTeamFixtures(CareTeams careTeams, PlatformTransactionManager transactions) {
        this.careTeams = careTeams;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The clinics look after the patient from now on. */
    public PatientId lookAfter(PatientId patient, ClinicId... clinics) {
        tx.executeWithoutResult(status -> {
            for (ClinicId clinic : clinics) {
                careTeams.join(patient, clinic.value(), CareTeams.Via.APPOINTMENT, Instant.now());
            }
        });
        return patient;
    }
}
