package sa.tenhal.finance;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A package a patient bought: active once its invoice is paid, for the definition's validity days. */
@Entity
@Table(name = "patient_package")
class PatientPackage extends StoredRecord<PatientPackage> {

    @Id
    private UUID id;

    @Version
    private long version;

    private UUID definitionId;
    private UUID patientId;

    @Enumerated(EnumType.STRING)
    private PackageStatus status;

    private int sessions;
    private int used;
    private BigDecimal price;
    private UUID invoiceId;
    private Instant purchasedAt;
    private Instant activatedAt;
    private LocalDate expiresOn;
    private BigDecimal refundedAmount = Sar.ZERO;
    private Instant closedAt;

    protected PatientPackage() {}

    PatientPackage(PackageDefinition definition, UUID patientId, Instant now) {
        this.id = Ids.newId();
        this.definitionId = definition.id();
        this.patientId = patientId;
        this.status = PackageStatus.PENDING_PAYMENT;
        this.sessions = definition.sessions();
        this.price = definition.price();
        this.purchasedAt = now;
    }

    void billedBy(UUID invoiceId) {
        this.invoiceId = invoiceId;
    }

    void activate(LocalDate today, int validityDays, Instant now) {
        if (status != PackageStatus.PENDING_PAYMENT) {
            return; // paid twice over (a replayed event): already active
        }
        status = PackageStatus.ACTIVE;
        activatedAt = now;
        expiresOn = today.plusDays(validityDays - 1L);
    }

    boolean usableOn(LocalDate day) {
        return status == PackageStatus.ACTIVE && used < sessions && !day.isAfter(expiresOn);
    }

    void consume() {
        if (status != PackageStatus.ACTIVE || used >= sessions) {
            throw ConflictException.illegalTransition("package", status, "use a session of");
        }
        used++;
        if (used == sessions) {
            status = PackageStatus.USED_UP;
        }
    }

    boolean expire(LocalDate today, Instant now) {
        if (status == PackageStatus.ACTIVE && today.isAfter(expiresOn)) {
            status = PackageStatus.EXPIRED;
            closedAt = now;
            return true;
        }
        return false;
    }

    int unused() {
        return sessions - used;
    }

    void refunded(BigDecimal amount, Instant now) {
        if (status != PackageStatus.ACTIVE) {
            throw ConflictException.illegalTransition("package", status, "refund");
        }
        status = PackageStatus.REFUNDED;
        refundedAmount = amount;
        closedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID definitionId() {
        return definitionId;
    }

    UUID patientId() {
        return patientId;
    }

    UUID invoiceId() {
        return invoiceId;
    }

    PackageStatus status() {
        return status;
    }

    int sessions() {
        return sessions;
    }

    PatientPackageView view(PackageDefinition definition) {
        return new PatientPackageView(
                new PackageId(id),
                new PackageDefinitionId(definitionId),
                definition == null ? null : definition.nameEn(),
                definition == null ? null : definition.nameAr(),
                patientId,
                status,
                sessions,
                used,
                sessions - used,
                price,
                invoiceId == null ? null : new InvoiceId(invoiceId),
                purchasedAt,
                activatedAt,
                expiresOn,
                refundedAmount);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
