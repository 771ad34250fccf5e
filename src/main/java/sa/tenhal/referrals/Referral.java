package sa.tenhal.referrals;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * A referral of a patient from one clinic to another (or outside). Its status only moves forward: PENDING → ACCEPTED
 * or REJECTED; ACCEPTED → COMPLETED; PENDING or ACCEPTED → CANCELLED. Nothing is deleted.
 */
@Entity
@Table(name = "referral")
class Referral extends StoredRecord<Referral> {

    @Id
    private UUID id;

    private UUID patientId;
    private UUID fromClinicId;
    private UUID fromProviderId;
    private UUID toClinicId;
    private String externalFacility;
    private String reason;

    @Enumerated(EnumType.STRING)
    private Urgency urgency;

    private String notes;

    @Enumerated(EnumType.STRING)
    private ReferralStatus status;

    private UUID createdBy;
    private Instant createdAt;
    private Instant respondBy;
    private UUID decidedBy;
    private Instant acceptedAt;
    private Instant rejectedAt;
    private String rejectionReason;
    private Instant completedAt;
    private Instant cancelledAt;
    private String cancellationReason;
    private UUID firstAppointmentId;
    // when the reminder and the escalation were issued (their events published), so that each is issued once; when
    // their messages left is the delivery log's to say
    private Instant remindedAt;
    private Instant escalatedAt;
    private UUID ruleId;
    private String triggerKey;

    @Version
    private long version;

    protected Referral() {}

    Referral(ReferralForm form, Instant now, Instant respondBy, UUID createdBy, UUID ruleId, String triggerKey) {
        this.id = Ids.newId();
        this.patientId = form.patientId();
        this.fromClinicId = form.fromClinicId();
        this.fromProviderId = form.fromProviderId();
        this.toClinicId = form.toClinicId();
        this.externalFacility = blankToNull(form.externalFacility());
        this.reason = form.reason().strip();
        this.urgency = form.urgency();
        this.notes = blankToNull(form.notes());
        this.status = ReferralStatus.PENDING;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.respondBy = respondBy;
        this.ruleId = ruleId;
        this.triggerKey = triggerKey;
        registerEvent(new ReferralCreated(
                id,
                patient(),
                fromClinic(),
                fromProviderId == null ? null : new ProviderId(fromProviderId),
                toClinic(),
                urgency,
                ruleId != null,
                now));
    }

    void accept(UUID by, Instant now) {
        require(ReferralStatus.PENDING, "accept");
        if (toClinicId == null) {
            // An outside facility answers outside Tenhal; the referrer completes or cancels it.
            throw new ConflictException(
                    "external-referral", "Referral to an outside facility", "Only a clinic of the centre accepts");
        }
        status = ReferralStatus.ACCEPTED;
        decidedBy = by;
        acceptedAt = now;
        registerEvent(new ReferralAccepted(id, patient(), fromClinic(), fromProvider(), toClinic(), now));
    }

    void reject(UUID by, String reason, Instant now) {
        require(ReferralStatus.PENDING, "reject");
        status = ReferralStatus.REJECTED;
        decidedBy = by;
        rejectedAt = now;
        rejectionReason = reason;
        registerEvent(new ReferralRejected(id, patient(), fromClinic(), fromProvider(), toClinic(), now));
    }

    void complete(Instant now, boolean automatic) {
        if (status != ReferralStatus.ACCEPTED && !(status == ReferralStatus.PENDING && toClinicId == null)) {
            throw ConflictException.illegalTransition("referral", status, "complete");
        }
        status = ReferralStatus.COMPLETED;
        completedAt = now;
        registerEvent(new ReferralCompleted(id, patient(), fromClinic(), toClinic(), automatic, now));
    }

    void cancel(String reason, Instant now) {
        if (!status.isOpen()) {
            throw ConflictException.illegalTransition("referral", status, "cancel");
        }
        status = ReferralStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason;
        registerEvent(new ReferralCancelled(id, patient(), fromClinic(), toClinic(), now));
    }

    /** Links the first appointment booked in the receiving clinic; later ones are not the loop's concern. */
    boolean linkFirstAppointment(UUID appointmentId) {
        if (firstAppointmentId != null || status != ReferralStatus.ACCEPTED) {
            return false;
        }
        firstAppointmentId = appointmentId;
        return true;
    }

    /** A cancelled first appointment no longer closes the loop; the next one booked will. */
    boolean unlinkFirstAppointment() {
        if (firstAppointmentId == null || status != ReferralStatus.ACCEPTED) {
            return false;
        }
        firstAppointmentId = null;
        return true;
    }

    void remind(Instant now) {
        remindedAt = now;
        registerEvent(new ReferralOverdue(id, patient(), toClinic(), urgency, false, respondBy, now));
    }

    void escalate(Instant now) {
        escalatedAt = now;
        registerEvent(new ReferralOverdue(id, patient(), toClinic(), urgency, true, respondBy, now));
    }

    private void require(ReferralStatus expected, String action) {
        if (status != expected) {
            throw ConflictException.illegalTransition("referral", status, action);
        }
    }

    UUID id() {
        return id;
    }

    ReferralStatus status() {
        return status;
    }

    Instant respondBy() {
        return respondBy;
    }

    Instant remindedAt() {
        return remindedAt;
    }

    Instant escalatedAt() {
        return escalatedAt;
    }

    UUID toClinicId() {
        return toClinicId;
    }

    UUID firstAppointmentId() {
        return firstAppointmentId;
    }

    PatientId patient() {
        return new PatientId(patientId);
    }

    private ClinicId fromClinic() {
        return new ClinicId(fromClinicId);
    }

    private ClinicId toClinic() {
        return toClinicId == null ? null : new ClinicId(toClinicId);
    }

    private ProviderId fromProvider() {
        return fromProviderId == null ? null : new ProviderId(fromProviderId);
    }

    void moveTo(PatientId survivor) {
        this.patientId = survivor.value();
    }

    ReferralDetails details(Instant now) {
        return new ReferralDetails(
                id,
                patientId,
                fromClinicId,
                fromProviderId,
                toClinicId,
                externalFacility,
                reason,
                urgency,
                notes,
                status,
                createdAt,
                createdBy,
                respondBy,
                status == ReferralStatus.PENDING && now.isAfter(respondBy),
                acceptedAt,
                rejectedAt,
                rejectionReason,
                completedAt,
                cancelledAt,
                cancellationReason,
                firstAppointmentId,
                ruleId,
                version);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public UUID getId() {
        return id;
    }
}
