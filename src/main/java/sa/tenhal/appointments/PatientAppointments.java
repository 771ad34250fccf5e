package sa.tenhal.appointments;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientCareTeam;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientSight;
import sa.tenhal.patients.PatientSummaryContributor;
import sa.tenhal.platform.ClinicTime;

/**
 * A patient's appointments as others need them: the {@code appointments} section of the patient summary (upcoming
 * and past), the care team (the providers who see the patient), .
 */
@Component
@Transactional(readOnly = true)
class PatientAppointments implements PatientSummaryContributor, PatientCareTeam {

    /** How many past appointments the summary shows. */
    static final int PAST_SHOWN = 20;

    private static final Set<AppointmentStatus> TOOK_PLACE = java.util.EnumSet.of(
            AppointmentStatus.ARRIVED,
            AppointmentStatus.IN_PROGRESS,
            AppointmentStatus.COMPLETED,
            AppointmentStatus.NO_SHOW);

    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PatientAppointments(
            Appointments appointments,
            ClinicCatalog catalog,
            ClinicTime time,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.appointments = appointments;
        this.catalog = catalog;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** One line of the summary: when, where, with whom, what, and its status; names in both languages. */
    public record Line(
            AppointmentId id,
            java.time.LocalDateTime localStartsAt,
            Instant startsAt,
            Instant endsAt,
            AppointmentStatus status,
            String clinicEn,
            String clinicAr,
            String providerEn,
            String providerAr,
            String serviceEn,
            String serviceAr) {}

    /** The section: upcoming appointments (soonest first) and past ones (latest first). */
    public record Section(List<Line> upcoming, List<Line> past) {}

    @Override
    public String section() {
        return "appointments";
    }

    @Override
    public String pageTemplate() {
        return "appointments/patient-panel";
    }

    @Override
    public Optional<Object> contribute(PatientSight sight) {
        if (!sight.sees(PatientData.APPOINTMENTS)) {
            return Optional.empty();
        }
        PatientId patient = sight.patient();
        List<Appointment> all = appointments.ofPatient(patient.value());
        Set<ClinicId> clinics = all.stream().map(Appointment::clinicId).collect(Collectors.toSet());
        Set<ProviderId> providers = all.stream().map(Appointment::providerId).collect(Collectors.toSet());
        Set<ServiceId> services = all.stream().map(Appointment::serviceId).collect(Collectors.toSet());
        Map<ClinicId, ClinicDetails> c = catalog.clinics(clinics);
        Map<ProviderId, ProviderDetails> p = catalog.providers(providers);
        Map<ServiceId, ServiceDetails> s = catalog.services(services);
        Instant now = time.now();
        // Split by time: a visit completed this morning is past, a cancelled one next Monday is still ahead (shown as
        // cancelled); only a visit that already took place early is past before its booked time.
        java.util.function.Predicate<Appointment> ahead =
                a -> a.startsAt().isAfter(now) && !TOOK_PLACE.contains(a.status());
        List<Line> upcoming = all.stream()
                .filter(ahead)
                .sorted(java.util.Comparator.comparing(Appointment::startsAt))
                .map(a -> line(a, c, p, s, time))
                .toList();
        List<Line> past = all.stream()
                .filter(ahead.negate())
                .sorted(java.util.Comparator.comparing(Appointment::startsAt).reversed())
                .limit(PAST_SHOWN)
                .map(a -> line(a, c, p, s, time))
                .toList();
        return Optional.of(new Section(upcoming, past));
    }

    private static Line line(
            Appointment a,
            Map<ClinicId, ClinicDetails> clinics,
            Map<ProviderId, ProviderDetails> providers,
            Map<ServiceId, ServiceDetails> services,
            ClinicTime time) {
        AppointmentDetails d = a.details();
        ClinicDetails clinic = clinics.get(d.clinicId());
        ProviderDetails provider = providers.get(d.providerId());
        ServiceDetails service = services.get(d.serviceId());
        return new Line(
                d.id(),
                time.local(d.startsAt()).toLocalDateTime(),
                d.startsAt(),
                d.endsAt(),
                d.status(),
                clinic == null ? null : clinic.nameEn(),
                clinic == null ? null : clinic.nameAr(),
                provider == null ? null : provider.nameEn(),
                provider == null ? null : provider.nameAr(),
                service == null ? null : service.nameEn(),
                service == null ? null : service.nameAr());
    }

    /** The staff users of the providers who have seen or will see the patient. */
    @Override
    public Set<UUID> staffUserIds(PatientId patient) {
        Set<ProviderId> providers = appointments.ofPatient(patient.value()).stream()
                .filter(a -> a.status() != AppointmentStatus.CANCELLED)
                .map(Appointment::providerId)
                .collect(Collectors.toSet());
        Set<UUID> users = new LinkedHashSet<>();
        catalog.providers(providers)
                .values()
                .forEach(pr -> users.add(pr.userId().value()));
        return users;
    }
}
