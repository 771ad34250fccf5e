package sa.tenhal.clinics;

/** A room as other modules see it. */
public record RoomDetails(
        RoomId id,
        ClinicId clinicId,
        String code,
        String nameEn,
        String nameAr,
        RoomKind kind,
        boolean active,
        long version) {}
