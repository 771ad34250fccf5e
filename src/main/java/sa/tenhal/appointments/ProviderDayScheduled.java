package sa.tenhal.appointments;

import java.time.Instant;
import java.time.LocalDate;
import org.jmolecules.event.annotation.DomainEvent;
import sa.tenhal.clinics.ProviderId;

/**
 * A provider's list for a day is ready (the next-day schedule job, 18:00): they are to get it in-app and by email as
 * a PDF ({@link DaySchedules#pdf}).
 */
@DomainEvent
public record ProviderDayScheduled(ProviderId providerId, LocalDate date, Instant at) {}
