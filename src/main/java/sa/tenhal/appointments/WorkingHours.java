package sa.tenhal.appointments;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/** One weekly interval of a provider's working hours in a clinic, in clinic-local time, valid between two dates. */
@Entity
@Table(name = "working_hours")
class WorkingHours extends StoredRecord<WorkingHours> {

    @Id
    private UUID id;

    private UUID providerId;
    private UUID clinicId;
    private short dayOfWeek;
    private LocalTime starts;
    private LocalTime ends;
    private LocalDate validFrom;
    private LocalDate validTo;
    private Instant createdAt;

    protected WorkingHours() {}

    WorkingHours(
            ProviderId provider,
            ClinicId clinic,
            DayOfWeek day,
            LocalTime starts,
            LocalTime ends,
            LocalDate validFrom,
            LocalDate validTo,
            Instant now) {
        this.id = Ids.newId();
        this.providerId = provider.value();
        this.clinicId = clinic.value();
        this.dayOfWeek = (short) day.getValue();
        this.starts = starts;
        this.ends = ends;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.createdAt = now;
    }

    WeeklyInterval rule() {
        return new WeeklyInterval(
                id,
                new ProviderId(providerId),
                new ClinicId(clinicId),
                DayOfWeek.of(dayOfWeek),
                starts,
                ends,
                validFrom,
                validTo);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
