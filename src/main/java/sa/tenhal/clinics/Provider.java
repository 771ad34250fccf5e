package sa.tenhal.clinics;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import sa.tenhal.identity.UserId;

/**
 * A doctor, therapist or nurse who sees patients, in one or more clinics. Linked to the staff user they sign in as;
 * the names here are the professional ones patients see (with title).
 */
@Entity
@Table(name = "provider")
class Provider extends CatalogEntry {

    private UUID userId;
    private String nameEn;
    private String nameAr;
    private String licenceNumber;
    private String specialty;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "provider_clinic", joinColumns = @JoinColumn(name = "provider_id"))
    @Column(name = "clinic_id")
    private Set<UUID> clinicIds = new LinkedHashSet<>();

    protected Provider() {}

    Provider(ProviderForm form, Instant now) {
        super(now);
        this.userId = form.userId();
        apply(form, now);
    }

    void apply(ProviderForm form, Instant now) {
        this.nameEn = form.nameEn();
        this.nameAr = form.nameAr();
        this.licenceNumber = form.licenceNumber();
        this.specialty = form.specialty();
        this.clinicIds.clear();
        this.clinicIds.addAll(form.clinicIds());
        touched(now);
    }

    UserId userId() {
        return new UserId(userId);
    }

    ProviderDetails details() {
        return new ProviderDetails(
                new ProviderId(id),
                userId(),
                nameEn,
                nameAr,
                licenceNumber,
                specialty,
                clinicIds.stream().map(ClinicId::new).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                active,
                version);
    }
}
