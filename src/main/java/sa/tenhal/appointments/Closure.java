package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A holiday: the whole centre, or one clinic of it, is closed in {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
@Entity
@Table(name = "closure")
class Closure extends StoredRecord<Closure> {

    @Id
    private UUID id;

    private String centreCode;
    private UUID clinicId;
    private Instant startsAt;
    private Instant endsAt;
    private String reason;
    private UUID createdBy;
    private Instant createdAt;

    protected Closure() {}

    Closure(
            String centreCode,
            ClinicId clinic,
            Instant startsAt,
            Instant endsAt,
            String reason,
            UUID createdBy,
            Instant now) {
        this.id = Ids.newId();
        this.centreCode = centreCode;
        this.clinicId = clinic == null ? null : clinic.value();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    ClosureDetails details() {
        return new ClosureDetails(
                id, centreCode, clinicId == null ? null : new ClinicId(clinicId), startsAt, endsAt, reason);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
