package sa.tenhal.patients;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import sa.tenhal.platform.Ids;

/** An insurance coverage of the patient: payer, member id, policy, class, expiry (for NPHIES later). */
@Entity
@Table(name = "patient_coverage")
class Coverage {

    @Id
    private UUID id = Ids.newId();

    private String payerId;
    private String payerName;
    private String memberId;
    private String policyNumber;
    private String planClass;
    private LocalDate expiresOn;
    private int position;

    void set(PatientForm.CoverageForm form, int position) {
        this.payerId = form.payerId();
        this.payerName = form.payerName();
        this.memberId = form.memberId();
        this.policyNumber = form.policyNumber();
        this.planClass = form.planClass();
        this.expiresOn = form.expiresOn();
        this.position = position;
    }

    Coverage copy(int position) {
        Coverage copy = new Coverage();
        copy.set(
                new PatientForm.CoverageForm(null, payerId, payerName, memberId, policyNumber, planClass, expiresOn),
                position);
        return copy;
    }

    UUID id() {
        return id;
    }

    String payerId() {
        return payerId;
    }

    String memberId() {
        return memberId;
    }

    int position() {
        return position;
    }

    String fingerprint() {
        return id + "|" + payerId + "|" + memberId + "|" + policyNumber + "|" + planClass + "|" + expiresOn;
    }

    PatientDetails.Coverage details() {
        return new PatientDetails.Coverage(id, payerId, payerName, memberId, policyNumber, planClass, expiresOn);
    }
}
