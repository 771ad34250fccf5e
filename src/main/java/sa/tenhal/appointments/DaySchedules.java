package sa.tenhal.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.documents.Documents;
import sa.tenhal.shared.Language;

/**
 * The seed's generate_daily_schedule: a provider's list for one day (time, patient, record number, service, room,
 * status), for the provider's eyes only, and the same as a PDF.
 */
@Service
@Transactional(readOnly = true)
public class DaySchedules {

    private final Appointments appointments;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final Documents documents;
    private final ClinicTime time;
    private final PatientAccess access;

    DaySchedules(
            Appointments appointments,
            ClinicCatalog catalog,
            PatientRegistry patients,
            Documents documents,
            ClinicTime time,
            PatientAccess access) {
        this.access = access;
        this.appointments = appointments;
        this.catalog = catalog;
        this.patients = patients;
        this.documents = documents;
        this.time = time;
    }

    /**
     * One line of the list; names in both languages. For a reader outside the patient's care team the line shows the
     * time taken and the service, but no patient ({@code patientId} null, names and record number empty).
     */
    public record Line(
            PatientId patientId,
            LocalTime starts,
            LocalTime ends,
            String patientEn,
            String patientAr,
            String mrn,
            String serviceEn,
            String serviceAr,
            String room,
            AppointmentStatus status) {}

    public record DaySchedule(ProviderDetails provider, LocalDate date, List<Line> lines) {}

    /** A provider's list for a local date, as far as the signed-in user may see its patients (docs/security.md). */
    public DaySchedule day(ProviderId providerId, LocalDate date) {
        ProviderDetails provider = catalog.provider(providerId);
        Instant from = date.atStartOfDay(time.zone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(time.zone()).toInstant();
        List<Appointment> day = appointments
                .inStatusStartingBetween(
                        EnumSet.of(
                                AppointmentStatus.BOOKED,
                                AppointmentStatus.CONFIRMED,
                                AppointmentStatus.ARRIVED,
                                AppointmentStatus.IN_PROGRESS,
                                AppointmentStatus.COMPLETED),
                        from,
                        to)
                .stream()
                .filter(a -> a.providerId().equals(providerId))
                .toList();
        java.util.Set<java.util.UUID> visible = access.visible(
                PatientData.APPOINTMENTS,
                day.stream().map(a -> a.patientId().value()).toList());
        List<Line> lines = new ArrayList<>();
        for (Appointment a : day) {
            AppointmentDetails d = a.details();
            boolean shown = visible.contains(d.patientId().value());
            PatientDetails patient = shown ? patients.find(d.patientId()).orElse(null) : null;
            ServiceDetails service = catalog.service(d.serviceId());
            RoomDetails room = d.roomId() == null ? null : catalog.room(d.roomId());
            lines.add(new Line(
                    shown ? d.patientId() : null,
                    time.local(d.startsAt()).toLocalTime(),
                    time.local(d.endsAt()).toLocalTime(),
                    patient == null ? "" : patient.fullName(Language.EN),
                    patient == null ? "" : patient.fullName(Language.AR),
                    patient == null ? "" : patient.mrn(),
                    service.nameEn(),
                    service.nameAr(),
                    room == null ? "" : room.code(),
                    d.status()));
        }
        return new DaySchedule(provider, date, lines);
    }

    /** The day's list as a PDF in the given language. */
    public byte[] pdf(ProviderId provider, LocalDate date, Language language) {
        return pdf(day(provider, date), language);
    }

    /** A day's list, already read, as a PDF in the given language. */
    public byte[] pdf(DaySchedule schedule, Language language) {
        return documents.pdf(
                "day-schedule",
                Map.of(
                        "schedule",
                        schedule,
                        "ar",
                        language == Language.AR,
                        "providerName",
                        schedule.provider().name(language)),
                language);
    }
}
