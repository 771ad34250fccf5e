package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * A freed slot offered to one waiting patient, by a link valid until {@code expiresAt}; the first claim books it. The
 * link's secret is minted when the message is sent and only its SHA-256 is kept here.
 */
@Entity
@Table(name = "waitlist_offer")
class WaitlistOffer extends StoredRecord<WaitlistOffer> {

    enum Status {
        PENDING,
        CLAIMED,
        EXPIRED,
        TAKEN,
        WITHDRAWN
    }

    @Id
    private UUID id;

    private UUID entryId;
    private UUID patientId;
    private UUID clinicId;
    private UUID providerId;
    private UUID serviceId;
    private Instant startsAt;
    private UUID freedBy;

    @Enumerated(EnumType.STRING)
    private Status status;

    // when the offer was made (and its event published), not when its message left: that is the delivery log's
    private Instant offeredAt;
    private Instant expiresAt;
    private Instant claimedAt;
    private UUID appointmentId;

    protected WaitlistOffer() {}

    WaitlistOffer(WaitlistEntry entry, SlotFreed slot, Instant now, Instant expiresAt) {
        this.id = Ids.newId();
        this.entryId = entry.uuid();
        this.patientId = entry.patientId().value();
        this.clinicId = slot.clinicId().value();
        this.providerId = slot.providerId().value();
        this.serviceId = entry.serviceId().value();
        this.startsAt = slot.startsAt();
        this.freedBy = slot.freedBy();
        this.status = Status.PENDING;
        this.offeredAt = now;
        this.expiresAt = expiresAt;
    }

    boolean open(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt);
    }

    void claimed(Instant now) {
        this.status = Status.CLAIMED;
        this.claimedAt = now;
    }

    void booked(UUID appointment) {
        this.appointmentId = appointment;
    }

    void close(Status to) {
        this.status = to;
    }

    UUID uuid() {
        return id;
    }

    UUID entryId() {
        return entryId;
    }

    Status status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    UUID freedBy() {
        return freedBy;
    }

    PatientId patientId() {
        return new PatientId(patientId);
    }

    ClinicId clinicId() {
        return new ClinicId(clinicId);
    }

    ProviderId providerId() {
        return new ProviderId(providerId);
    }

    ServiceId serviceId() {
        return new ServiceId(serviceId);
    }

    Instant startsAt() {
        return startsAt;
    }

    UUID appointmentId() {
        return appointmentId;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
