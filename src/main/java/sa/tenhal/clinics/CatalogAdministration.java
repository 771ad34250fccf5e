package sa.tenhal.clinics;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffDirectory;
import sa.tenhal.identity.StaffMember;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.Versions;
import sa.tenhal.platform.caching.SharedCaches;

/**
 * Changing the catalogue (ADMIN and MANAGER): create, replace (with the version read) and (de)activate. Codes are
 * unique where people use them: centre codes everywhere, clinic codes in a centre, room and service codes in a clinic.
 */
@Service
@Transactional
public class CatalogAdministration {

    private final Centres centres;
    private final Clinics clinics;
    private final Providers providers;
    private final Rooms rooms;
    private final ClinicalServices services;
    private final StaffDirectory staff;
    private final ClinicTime time;
    private final SharedCaches caches;

    CatalogAdministration(
            Centres centres,
            Clinics clinics,
            Providers providers,
            Rooms rooms,
            ClinicalServices services,
            StaffDirectory staff,
            ClinicTime time,
            SharedCaches caches) {
        this.centres = centres;
        this.clinics = clinics;
        this.providers = providers;
        this.rooms = rooms;
        this.services = services;
        this.staff = staff;
        this.time = time;
        this.caches = caches;
    }

    // centres

    public CentreDetails createCentre(CentreForm form) {
        caches.changed(ClinicCatalog.REGION);
        if (centres.existsByCode(form.code())) {
            throw duplicate("centre", "code", form.code());
        }
        return centres.save(new Centre(form, time.now())).details();
    }

    public CentreDetails updateCentre(String code, long expectedVersion, CentreForm form) {
        caches.changed(ClinicCatalog.REGION);
        Centre centre = centres.findByCode(code).orElseThrow(() -> new NotFoundException("Centre", code));
        Versions.check("centre", expectedVersion, centre.version());
        if (!centre.code().equals(form.code())) {
            throw invalid("code", "catalogue.unchangeable", "cannot change");
        }
        centre.apply(form, time.now());
        return centres.saveAndFlush(centre).details();
    }

    // clinics

    public ClinicDetails createClinic(ClinicForm form) {
        caches.changed(ClinicCatalog.REGION);
        if (!centres.existsByCode(form.centreCode())) {
            throw invalid("centreCode", "catalogue.centreUnknown", "no centre has this code");
        }
        if (clinics.existsByCentreCodeAndCode(form.centreCode(), form.code())) {
            throw duplicate("clinic", "code", form.code());
        }
        return clinics.save(new Clinic(form, time.now())).details();
    }

    public ClinicDetails updateClinic(ClinicId id, long expectedVersion, ClinicForm form) {
        caches.changed(ClinicCatalog.REGION);
        Clinic clinic = clinics.findById(id.value()).orElseThrow(() -> new NotFoundException("Clinic", id));
        Versions.check("clinic", expectedVersion, clinic.version());
        unchanged("centreCode", clinic.centreCode(), form.centreCode());
        unchanged("code", clinic.code(), form.code());
        clinic.apply(form, time.now());
        return clinics.saveAndFlush(clinic).details();
    }

    public ClinicDetails setClinicActive(ClinicId id, boolean active) {
        caches.changed(ClinicCatalog.REGION);
        Clinic clinic = clinics.findById(id.value()).orElseThrow(() -> new NotFoundException("Clinic", id));
        clinic.setActive(active, time.now());
        return clinics.saveAndFlush(clinic).details();
    }

    // providers

    public ProviderDetails createProvider(ProviderForm form) {
        caches.changed(ClinicCatalog.REGION);
        StaffMember user = staff.find(new UserId(form.userId()))
                .orElseThrow(() -> invalid("userId", "catalogue.userUnknown", "no staff user has this id"));
        if (!user.has(Role.PROVIDER) && !user.has(Role.NURSE)) {
            throw invalid("userId", "catalogue.providerRole", "the staff user must have the PROVIDER or NURSE role");
        }
        if (providers.existsByUserId(form.userId())) {
            throw duplicate("provider", "userId", form.userId());
        }
        requireClinics(form.clinicIds());
        return providers.save(new Provider(form, time.now())).details();
    }

    public ProviderDetails updateProvider(ProviderId id, long expectedVersion, ProviderForm form) {
        caches.changed(ClinicCatalog.REGION);
        Provider provider = providers.findById(id.value()).orElseThrow(() -> new NotFoundException("Provider", id));
        Versions.check("provider", expectedVersion, provider.version());
        unchanged("userId", provider.userId().value(), form.userId());
        requireClinics(form.clinicIds());
        provider.apply(form, time.now());
        return providers.saveAndFlush(provider).details();
    }

    public ProviderDetails setProviderActive(ProviderId id, boolean active) {
        caches.changed(ClinicCatalog.REGION);
        Provider provider = providers.findById(id.value()).orElseThrow(() -> new NotFoundException("Provider", id));
        provider.setActive(active, time.now());
        return providers.saveAndFlush(provider).details();
    }

    // rooms

    public RoomDetails createRoom(RoomForm form) {
        caches.changed(ClinicCatalog.REGION);
        requireClinics(Set.of(form.clinicId()));
        if (rooms.existsByClinicIdAndCode(form.clinicId(), form.code())) {
            throw duplicate("room", "code", form.code());
        }
        return rooms.save(new Room(form, time.now())).details();
    }

    public RoomDetails updateRoom(RoomId id, long expectedVersion, RoomForm form) {
        caches.changed(ClinicCatalog.REGION);
        Room room = rooms.findById(id.value()).orElseThrow(() -> new NotFoundException("Room", id));
        Versions.check("room", expectedVersion, room.version());
        RoomDetails current = room.details();
        unchanged("clinicId", current.clinicId().value(), form.clinicId());
        unchanged("code", current.code(), form.code());
        room.apply(form, time.now());
        return rooms.saveAndFlush(room).details();
    }

    public RoomDetails setRoomActive(RoomId id, boolean active) {
        caches.changed(ClinicCatalog.REGION);
        Room room = rooms.findById(id.value()).orElseThrow(() -> new NotFoundException("Room", id));
        room.setActive(active, time.now());
        return rooms.saveAndFlush(room).details();
    }

    // services

    public ServiceDetails createService(ServiceForm form) {
        caches.changed(ClinicCatalog.REGION);
        requireClinics(Set.of(form.clinicId()));
        requireFiveMinuteSteps(form);
        if (services.existsByClinicIdAndCode(form.clinicId(), form.code())) {
            throw duplicate("service", "code", form.code());
        }
        return services.save(new ClinicalService(form, time.now())).details();
    }

    public ServiceDetails updateService(ServiceId id, long expectedVersion, ServiceForm form) {
        caches.changed(ClinicCatalog.REGION);
        ClinicalService service = services.findById(id.value()).orElseThrow(() -> new NotFoundException("Service", id));
        Versions.check("service", expectedVersion, service.version());
        ServiceDetails current = service.details();
        unchanged("clinicId", current.clinicId().value(), form.clinicId());
        unchanged("code", current.code(), form.code());
        requireFiveMinuteSteps(form);
        service.apply(form, time.now());
        return services.saveAndFlush(service).details();
    }

    public ServiceDetails setServiceActive(ServiceId id, boolean active) {
        caches.changed(ClinicCatalog.REGION);
        ClinicalService service = services.findById(id.value()).orElseThrow(() -> new NotFoundException("Service", id));
        service.setActive(active, time.now());
        return services.saveAndFlush(service).details();
    }

    private void requireClinics(Set<UUID> ids) {
        long found = clinics.findByIdIn(ids).size();
        if (found != ids.size()) {
            throw invalid(
                    ids.size() == 1 ? "clinicId" : "clinicIds",
                    "catalogue.clinicUnknown",
                    "names a clinic that does not exist");
        }
    }

    private static void requireFiveMinuteSteps(ServiceForm form) {
        if (form.durationMinutes() % 5 != 0) {
            throw invalid("durationMinutes", "catalogue.fiveMinuteSteps", "must be a multiple of 5");
        }
        if (form.bufferMinutes() != null && form.bufferMinutes() % 5 != 0) {
            throw invalid("bufferMinutes", "catalogue.fiveMinuteSteps", "must be a multiple of 5");
        }
    }

    private static void unchanged(String field, Object current, Object requested) {
        if (!current.equals(requested)) {
            throw invalid(field, "catalogue.unchangeable", "cannot change once created");
        }
    }

    /** A field problem with a code, so that pages show it in the user's language ({@code error.<code>}). */
    private static InvalidFieldsException invalid(String field, String code, String reason) {
        return new InvalidFieldsException(List.of(FieldProblem.coded(field, code, reason)));
    }

    private static ConflictException duplicate(String what, String field, Object value) {
        return (ConflictException) new ConflictException(
                        "duplicate-" + what,
                        "Duplicate " + what,
                        "A " + what + " with this " + field + " exists: " + value)
                .with("field", field);
    }
}
