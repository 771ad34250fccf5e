package sa.tenhal.desk.appointments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/** Puts names to appointments: one catalogue read per kind, one read for all the patients. */
@Component
class VisitLines {

    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final PatientAccess access;

    VisitLines(ClinicCatalog catalog, PatientRegistry patients, PatientAccess access) {
        this.catalog = catalog;
        this.patients = patients;
        this.access = access;
    }

    /** The patients the lines name, for the record of who read them. */
    static List<java.util.UUID> patients(Collection<VisitLine> lines) {
        return lines.stream()
                .map(l -> l.appointment().patientId())
                .filter(Objects::nonNull)
                .map(PatientId::value)
                .distinct()
                .toList();
    }

    List<VisitLine> of(Collection<AppointmentDetails> appointments, Language language) {
        Map<ServiceId, ServiceDetails> services = catalog.services(
                appointments.stream().map(AppointmentDetails::serviceId).collect(Collectors.toSet()));
        Map<ProviderId, ProviderDetails> providers = catalog.providers(
                appointments.stream().map(AppointmentDetails::providerId).collect(Collectors.toSet()));
        Map<ClinicId, ClinicDetails> clinics = catalog.clinics(
                appointments.stream().map(AppointmentDetails::clinicId).collect(Collectors.toSet()));
        Map<RoomId, RoomDetails> rooms = catalog.rooms(appointments.stream()
                .map(AppointmentDetails::roomId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Set<PatientId> ids = appointments.stream()
                .map(AppointmentDetails::patientId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<PatientId, PatientDetails> people = ids.isEmpty() ? Map.of() : patients.findAll(ids);
        List<java.util.UUID> uuids = ids.stream().map(PatientId::value).toList();
        Set<java.util.UUID> contacts = access.visible(PatientData.CONTACT, uuids);
        Set<java.util.UUID> guardians = access.visible(PatientData.GUARDIANS, uuids);
        return appointments.stream()
                .map(a -> {
                    // no patient on an appointment the reader may not see whose it is (outside their care team)
                    Optional<PatientDetails> patient =
                            a.patientId() == null ? Optional.empty() : Optional.ofNullable(people.get(a.patientId()));
                    return new VisitLine(
                            a,
                            patient.map(p -> p.fullName(language)).orElse("—"),
                            patient.map(PatientDetails::mrn).orElse(null),
                            name(services.get(a.serviceId()), s -> s.name(language)),
                            name(providers.get(a.providerId()), p -> p.name(language)),
                            name(clinics.get(a.clinicId()), c -> c.name(language)),
                            a.roomId() == null
                                    ? null
                                    : name(
                                            rooms.get(a.roomId()),
                                            r -> language == Language.AR ? r.nameAr() : r.nameEn()),
                            patient.map(p -> phone(p, contacts, guardians)).orElse(null));
                })
                .toList();
    }

    /** The patient's own mobile, else the primary guardian's phone (then any guardian's), as far as the reader may. */
    private static String phone(PatientDetails patient, Set<java.util.UUID> contacts, Set<java.util.UUID> guardians) {
        if (patient.mobile() != null && contacts.contains(patient.id().value())) {
            return patient.mobile();
        }
        if (!guardians.contains(patient.id().value()) || patient.guardians() == null) {
            return null;
        }
        return patient.guardians().stream()
                .filter(g -> g.phone() != null)
                .sorted(java.util.Comparator.comparing(g -> !g.primaryContact()))
                .map(PatientDetails.Guardian::phone)
                .findFirst()
                .orElse(null);
    }

    private static <T> String name(T item, Function<T, String> name) {
        return item == null ? "—" : name.apply(item);
    }
}
