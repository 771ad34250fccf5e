package sa.tenhal.clinics;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.caching.SharedCache;
import sa.tenhal.platform.caching.SharedCaches;

/**
 * Reads of the catalogue for every module: centres, clinics, providers, rooms, services.
 *
 * <p>Every booking and every slot search reads a service, a provider and a clinic, which change a few times a year: the
 * single lookups and the active providers and rooms of a clinic are cached on each node, and every change through
 * {@link CatalogAdministration} clears the cache on every node ({@link SharedCaches}). Searches and pages read the
 * tables.
 */
@Service
@Transactional(readOnly = true)
public class ClinicCatalog {

    /** The cache region that {@link CatalogAdministration} announces changes of. */
    static final String REGION = "catalogue";

    private final Centres centres;
    private final Clinics clinics;
    private final Providers providers;
    private final Rooms rooms;
    private final ClinicalServices services;
    private final SharedCache<Key, Object> cache;

    ClinicCatalog(
            Centres centres,
            Clinics clinics,
            Providers providers,
            Rooms rooms,
            ClinicalServices services,
            SharedCaches caches) {
        this.centres = centres;
        this.clinics = clinics;
        this.providers = providers;
        this.rooms = rooms;
        this.services = services;
        this.cache = caches.cache(REGION, 20_000, Duration.ofMinutes(10));
    }

    /** Keys of the cached lookups: the kind of answer and its argument. */
    private record Key(String kind, Object argument) {}

    @SuppressWarnings("unchecked")
    private <T> T cached(String kind, Object argument, java.util.function.Supplier<T> load) {
        // a lookup that throws (not found) is not cached
        return (T) cache.get(new Key(kind, argument), k -> load.get());
    }

    public List<CentreDetails> centres() {
        return centres.findAll(org.springframework.data.domain.Sort.by("code")).stream()
                .map(Centre::details)
                .toList();
    }

    public CentreDetails centre(String code) {
        return cached("centre", code, () -> centres.findByCode(code)
                .map(Centre::details)
                .orElseThrow(() -> new NotFoundException("Centre", code)));
    }

    public ClinicDetails clinic(ClinicId id) {
        return cached("clinic", id, () -> clinics.findById(id.value())
                .map(Clinic::details)
                .orElseThrow(() -> new NotFoundException("Clinic", id)));
    }

    public Page<ClinicDetails> clinics(String centreCode, Boolean active, Pageable page) {
        return clinics.search(centreCode, active, page).map(Clinic::details);
    }

    public Map<ClinicId, ClinicDetails> clinics(Collection<ClinicId> ids) {
        return clinics.findByIdIn(ids.stream().map(ClinicId::value).toList()).stream()
                .map(Clinic::details)
                .collect(Collectors.toMap(ClinicDetails::id, Function.identity()));
    }

    public ProviderDetails provider(ProviderId id) {
        return cached("provider", id, () -> providers
                .findById(id.value())
                .map(Provider::details)
                .orElseThrow(() -> new NotFoundException("Provider", id)));
    }

    public Optional<ProviderDetails> providerOf(UserId user) {
        return providers.findByUserId(user.value()).map(Provider::details);
    }

    /**
     * The clinics a staff user works in (their provider record's), empty for staff who see no patients; cached, since
     * every need-to-know check of a clinician asks.
     */
    public Set<ClinicId> clinicsOf(UserId user) {
        return cached("user-clinics", user, () -> providerOf(user)
                .filter(ProviderDetails::active)
                .map(ProviderDetails::clinicIds)
                .orElse(Set.of()));
    }

    public Page<ProviderDetails> providers(ClinicId clinic, Boolean active, Pageable page) {
        return providers
                .search(clinic == null ? null : clinic.value(), active, page)
                .map(Provider::details);
    }

    /** Active providers working in a clinic ("any provider" of that clinic). */
    public List<ProviderDetails> activeProviders(ClinicId clinic) {
        return cached("active-providers", clinic, () -> providers.activeIn(clinic.value()).stream()
                .map(Provider::details)
                .toList());
    }

    public Map<ProviderId, ProviderDetails> providers(Collection<ProviderId> ids) {
        return providers.findByIdIn(ids.stream().map(ProviderId::value).toList()).stream()
                .map(Provider::details)
                .collect(Collectors.toMap(ProviderDetails::id, Function.identity()));
    }

    public RoomDetails room(RoomId id) {
        return cached("room", id, () -> rooms.findById(id.value())
                .map(Room::details)
                .orElseThrow(() -> new NotFoundException("Room", id)));
    }

    public Page<RoomDetails> rooms(ClinicId clinic, RoomKind kind, Boolean active, Pageable page) {
        return rooms.search(clinic == null ? null : clinic.value(), kind, active, page)
                .map(Room::details);
    }

    public List<RoomDetails> activeRooms(ClinicId clinic) {
        return cached("active-rooms", clinic, () -> rooms.findByClinicIdAndActiveTrue(clinic.value()).stream()
                .map(Room::details)
                .toList());
    }

    public Map<RoomId, RoomDetails> rooms(Collection<RoomId> ids) {
        return rooms.findByIdIn(ids.stream().map(RoomId::value).toList()).stream()
                .map(Room::details)
                .collect(Collectors.toMap(RoomDetails::id, Function.identity()));
    }

    public ServiceDetails service(ServiceId id) {
        return cached("service", id, () -> services.findById(id.value())
                .map(ClinicalService::details)
                .orElseThrow(() -> new NotFoundException("Service", id)));
    }

    public Page<ServiceDetails> services(ClinicId clinic, Boolean active, Pageable page) {
        return services.search(clinic == null ? null : clinic.value(), active, page)
                .map(ClinicalService::details);
    }

    public Map<ServiceId, ServiceDetails> services(Collection<ServiceId> ids) {
        return services.findByIdIn(ids.stream().map(ServiceId::value).toList()).stream()
                .map(ClinicalService::details)
                .collect(Collectors.toMap(ServiceDetails::id, Function.identity()));
    }
}
