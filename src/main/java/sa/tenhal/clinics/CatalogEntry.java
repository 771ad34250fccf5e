package sa.tenhal.clinics;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** What every catalogue entry has: an id, a version for optimistic concurrency, and an active flag (never deleted). */
@MappedSuperclass
abstract class CatalogEntry extends StoredRecord<CatalogEntry> {

    @Id
    protected UUID id;

    @Version
    protected long version;

    protected boolean active;
    protected Instant createdAt;
    protected Instant updatedAt;

    protected CatalogEntry() {}

    protected CatalogEntry(Instant now) {
        this.id = Ids.newId();
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void setActive(boolean active, Instant now) {
        if (this.active != active) {
            this.active = active;
            this.updatedAt = now;
        }
    }

    protected void touched(Instant now) {
        this.updatedAt = now;
    }

    UUID uuid() {
        return id;
    }

    long version() {
        return version;
    }

    boolean active() {
        return active;
    }

    @Override
    public UUID getId() {
        return id;
    }
}
