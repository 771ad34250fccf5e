package sa.tenhal.clinics;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A room of a clinic, of a kind that services may require. */
@Entity
@Table(name = "room")
class Room extends CatalogEntry {

    private UUID clinicId;
    private String code;
    private String nameEn;
    private String nameAr;

    @Enumerated(EnumType.STRING)
    private RoomKind kind;

    protected Room() {}

    Room(RoomForm form, Instant now) {
        super(now);
        this.clinicId = form.clinicId();
        this.code = form.code();
        apply(form, now);
    }

    void apply(RoomForm form, Instant now) {
        this.nameEn = form.nameEn();
        this.nameAr = form.nameAr();
        this.kind = form.kind();
        touched(now);
    }

    UUID clinicId() {
        return clinicId;
    }

    RoomDetails details() {
        return new RoomDetails(new RoomId(id), new ClinicId(clinicId), code, nameEn, nameAr, kind, active, version);
    }
}
