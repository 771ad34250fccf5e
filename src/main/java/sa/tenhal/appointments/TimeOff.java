package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** Leave or training: the provider is not bookable in {@code startsAt} (inclusive) to {@code endsAt} (exclusive). */
@Entity
@Table(name = "time_off")
class TimeOff extends StoredRecord<TimeOff> {

    @Id
    private UUID id;

    private UUID providerId;
    private Instant startsAt;
    private Instant endsAt;
    private String reason;
    private UUID createdBy;
    private Instant createdAt;

    protected TimeOff() {}

    TimeOff(ProviderId provider, Instant startsAt, Instant endsAt, String reason, UUID createdBy, Instant now) {
        this.id = Ids.newId();
        this.providerId = provider.value();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    TimeOffDetails details() {
        return new TimeOffDetails(id, new ProviderId(providerId), startsAt, endsAt, reason);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
