package sa.tenhal.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient's package and its balance of sessions. */
public record PatientPackageView(
        PackageId id,
        PackageDefinitionId definition,
        String nameEn,
        String nameAr,
        UUID patientId,
        PackageStatus status,
        int sessions,
        int used,
        int remaining,
        BigDecimal price,
        InvoiceId invoice,
        Instant purchasedAt,
        Instant activatedAt,
        LocalDate expiresOn,
        BigDecimal refunded) {}
