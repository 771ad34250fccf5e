package sa.tenhal.finance;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** A package the centre sells: a number of sessions of the covered services, at a price, valid some days. */
@Entity
@Table(name = "package_definition")
class PackageDefinition extends StoredRecord<PackageDefinition> {

    @Id
    private UUID id;

    @Version
    private long version;

    private String centreCode;
    private String code;
    private String nameEn;
    private String nameAr;
    private int sessions;
    private BigDecimal price;
    private int validityDays;
    private boolean active = true;
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "package_definition_service", joinColumns = @JoinColumn(name = "package_definition_id"))
    @Column(name = "service_id")
    private Set<UUID> serviceIds = new HashSet<>();

    protected PackageDefinition() {}

    PackageDefinition(
            String centreCode,
            String code,
            String nameEn,
            String nameAr,
            int sessions,
            BigDecimal price,
            int validityDays,
            Set<UUID> serviceIds,
            Instant now) {
        this.id = Ids.newId();
        this.centreCode = centreCode;
        this.code = code;
        this.nameEn = nameEn;
        this.nameAr = nameAr;
        this.sessions = sessions;
        this.price = price;
        this.validityDays = validityDays;
        this.serviceIds = new HashSet<>(serviceIds);
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String centreCode() {
        return centreCode;
    }

    String nameEn() {
        return nameEn;
    }

    String nameAr() {
        return nameAr;
    }

    int sessions() {
        return sessions;
    }

    BigDecimal price() {
        return price;
    }

    int validityDays() {
        return validityDays;
    }

    boolean active() {
        return active;
    }

    Set<UUID> serviceIds() {
        return serviceIds;
    }

    PackageDefinitionView view() {
        return new PackageDefinitionView(
                new PackageDefinitionId(id),
                centreCode,
                code,
                nameEn,
                nameAr,
                sessions,
                price,
                validityDays,
                serviceIds.stream().map(ServiceId::new).toList(),
                active);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
