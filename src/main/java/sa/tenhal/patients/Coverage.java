package sa.tenhal.patients;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import sa.tenhal.platform.Ids;

/**
 * An insurance coverage of the patient: payer, member id, policy, class, expiry, and how the patient relates to the
 * policy's subscriber (a child is usually a dependant on a parent's policy) — what NPHIES messages carry.
 */
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
    private String relationship;
    private String subscriberMemberId;
    private int position;

    void set(PatientForm.CoverageForm form, int position) {
        this.payerId = form.payerId();
        this.payerName = form.payerName();
        this.memberId = form.memberId();
        this.policyNumber = form.policyNumber();
        this.planClass = form.planClass();
        this.expiresOn = form.expiresOn();
        this.relationship =
                form.relationship() == null ? null : form.relationship().code();
        this.subscriberMemberId = form.subscriberMemberId();
        this.position = position;
    }

    Coverage copy(int position) {
        Coverage copy = new Coverage();
        copy.set(
                new PatientForm.CoverageForm(
                        null,
                        payerId,
                        payerName,
                        memberId,
                        policyNumber,
                        planClass,
                        expiresOn,
                        SubscriberRelation.of(relationship),
                        subscriberMemberId),
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
        return id + "|" + payerId + "|" + memberId + "|" + policyNumber + "|" + planClass + "|" + expiresOn + "|"
                + relationship + "|" + subscriberMemberId;
    }

    PatientDetails.Coverage details() {
        return new PatientDetails.Coverage(
                id,
                payerId,
                payerName,
                memberId,
                policyNumber,
                planClass,
                expiresOn,
                SubscriberRelation.of(relationship),
                subscriberMemberId);
    }
}
