package sa.tenhal.patients;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A consent given by a patient or their guardian to a version of a consent text; withdrawn, never deleted. */
@Entity
@Table(name = "consent")
class Consent extends StoredRecord<Consent> {

    @Id
    private UUID id;

    private UUID patientId;

    @Enumerated(EnumType.STRING)
    private ConsentKind kind;

    @Enumerated(EnumType.STRING)
    private ConsentForm.GivenBy givenBy;

    private UUID guardianId;
    private String signerName;
    private String textVersion;
    private Instant givenAt;
    private Instant withdrawnAt;
    private String withdrawalReason;
    private UUID recordedBy;
    private Instant recordedAt;

    protected Consent() {}

    Consent(PatientId patient, ConsentForm form, String signerName, Instant now, UUID recordedBy) {
        this.id = Ids.newId();
        this.patientId = patient.value();
        this.kind = form.kind();
        this.givenBy = form.givenBy();
        this.guardianId = form.guardianId();
        this.signerName = signerName;
        this.textVersion = form.textVersion().strip();
        this.givenAt = form.givenAt() == null ? now : form.givenAt();
        this.recordedBy = recordedBy;
        this.recordedAt = now;
        registerEvent(new ConsentRecorded(id, patient, kind, now));
    }

    void withdraw(String reason, Instant now) {
        if (withdrawnAt != null) {
            throw new ConflictException(
                    "consent-withdrawn", "Already withdrawn", "This consent was withdrawn at " + withdrawnAt);
        }
        this.withdrawnAt = now;
        this.withdrawalReason = reason;
        registerEvent(new ConsentWithdrawn(id, new PatientId(patientId), kind, now));
    }

    void moveTo(PatientId survivor) {
        this.patientId = survivor.value();
    }

    ConsentDetails details() {
        return new ConsentDetails(
                id,
                new PatientId(patientId),
                kind,
                givenBy,
                guardianId,
                signerName,
                textVersion,
                givenAt,
                withdrawnAt,
                withdrawalReason,
                recordedBy,
                recordedAt);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
