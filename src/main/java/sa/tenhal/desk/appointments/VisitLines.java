package sa.tenhal.desk.appointments;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.shared.Language;

/** Puts names to appointments: one catalogue read per kind, one patient read per patient. */
@Component
class VisitLines {

    private final ClinicCatalog catalog;
    private final PatientRegistry patients;

    VisitLines(ClinicCatalog catalog, PatientRegistry patients) {
        this.catalog = catalog;
        this.patients = patients;
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
        Map<PatientId, Optional<PatientDetails>> people = new HashMap<>();
        return appointments.stream()
                .map(a -> {
                    // no patient on an appointment the reader may not see whose it is (outside their care team)
                    Optional<PatientDetails> patient = a.patientId() == null
                            ? Optional.empty()
                            : people.computeIfAbsent(a.patientId(), patients::find);
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
                                            r -> language == Language.AR ? r.nameAr() : r.nameEn()));
                })
                .toList();
    }

    private static <T> String name(T item, Function<T, String> name) {
        return item == null ? "—" : name.apply(item);
    }
}
