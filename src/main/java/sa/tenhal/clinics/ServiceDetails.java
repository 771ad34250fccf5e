package sa.tenhal.clinics;

import java.math.BigDecimal;
import java.time.Duration;
import sa.tenhal.shared.Language;

/** A service as other modules see it. */
public record ServiceDetails(
        ServiceId id,
        ClinicId clinicId,
        String code,
        String nameEn,
        String nameAr,
        int durationMinutes,
        int bufferMinutes,
        BigDecimal price,
        VatCategory vatCategory,
        RoomKind roomKind,
        boolean active,
        long version,
        String billingCode,
        InsuranceServiceType insuranceServiceType) {

    public String name(Language language) {
        return language == Language.AR ? nameAr : nameEn;
    }

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }
}
