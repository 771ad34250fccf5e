package sa.tenhal.finance;

import java.math.BigDecimal;
import java.util.List;
import sa.tenhal.clinics.ServiceId;

/** A package for sale. {@code price} is before VAT. */
public record PackageDefinitionView(
        PackageDefinitionId id,
        String centreCode,
        String code,
        String nameEn,
        String nameAr,
        int sessions,
        BigDecimal price,
        int validityDays,
        List<ServiceId> services,
        boolean active) {}
