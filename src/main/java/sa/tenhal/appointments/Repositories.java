package sa.tenhal.appointments;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Appointments extends JpaRepository<Appointment, UUID> {

    @Query("select a from Appointment a where a.patientId = ?1 order by a.startsAt desc, a.id")
    List<Appointment> ofPatient(UUID patientId);

    @Query(
            "select a from Appointment a where a.status in ?1 and a.startsAt >= ?2 and a.startsAt < ?3 order by a.startsAt, a.id")
    List<Appointment> inStatusStartingBetween(Collection<AppointmentStatus> statuses, Instant from, Instant to);
}

interface WorkingHoursRepository extends JpaRepository<WorkingHours, UUID> {

    @Query("select w from WorkingHours w where w.providerId in ?1")
    List<WorkingHours> ofProviders(Collection<UUID> providerIds);

    // one provider with "=": Hibernate keeps this query's translation, not that of one with a list parameter
    @Query("select w from WorkingHours w where w.providerId = ?1")
    List<WorkingHours> ofProvider(UUID providerId);
}

interface TimeOffRepository extends JpaRepository<TimeOff, UUID> {

    @Query(
            "select t from TimeOff t where t.providerId in ?1 and t.startsAt < ?3 and t.endsAt > ?2 order by t.startsAt, t.id")
    List<TimeOff> ofProvidersBetween(Collection<UUID> providerIds, Instant from, Instant to);

    @Query("select t from TimeOff t where t.providerId = ?1 and t.endsAt > ?2 order by t.startsAt, t.id")
    List<TimeOff> ofProviderEndingAfter(UUID providerId, Instant from);
}

interface ClosureRepository extends JpaRepository<Closure, UUID> {

    @Query("select c from Closure c where c.centreCode = ?1 and (c.clinicId is null or c.clinicId = ?2)"
            + " and c.startsAt < ?4 and c.endsAt > ?3 order by c.startsAt, c.id")
    List<Closure> affecting(String centreCode, UUID clinicId, Instant from, Instant to);

    @Query("select c from Closure c where c.centreCode = ?1 and c.endsAt > ?2 order by c.startsAt, c.id")
    List<Closure> endingAfter(String centreCode, Instant from);
}

interface AppointmentReschedules extends JpaRepository<AppointmentReschedule, UUID> {

    @Query("select r from AppointmentReschedule r where r.appointmentId = ?1 order by r.rescheduledAt, r.id")
    List<AppointmentReschedule> of(UUID appointmentId);
}

interface AppointmentSearch extends org.springframework.data.repository.Repository<Appointment, UUID> {

    @Query("select a from Appointment a where (?1 is null or a.patientId = ?1) and (?2 is null or a.providerId = ?2)"
            + " and (?3 is null or a.clinicId = ?3) and (?4 is null or a.roomId = ?4) and (?5 is null or a.status = ?5)"
            + " and a.startsAt < ?7 and a.endsAt > ?6")
    org.springframework.data.domain.Page<Appointment> search(
            UUID patient,
            UUID provider,
            UUID clinic,
            UUID room,
            AppointmentStatus status,
            Instant from,
            Instant to,
            org.springframework.data.domain.Pageable page);
}

interface WaitlistEntries extends JpaRepository<WaitlistEntry, UUID> {

    @Query(
            "select e from WaitlistEntry e where e.clinicId = ?1 and e.status = sa.tenhal.appointments.WaitlistEntry.Status.WAITING"
                    + " order by e.createdAt, e.id")
    List<WaitlistEntry> waitingIn(UUID clinicId);

    @Query("select e from WaitlistEntry e where (?1 is null or e.clinicId = ?1) and (?2 is null or e.patientId = ?2)"
            + " order by e.createdAt, e.id")
    List<WaitlistEntry> search(UUID clinicId, UUID patientId);
}

interface WaitlistOffers extends JpaRepository<WaitlistOffer, UUID> {

    /** Claims a pending offer; 0 when another claim was first (the row lock orders concurrent claims). */
    @org.springframework.data.jpa.repository.Modifying
    @Query(
            "update WaitlistOffer o set o.status = sa.tenhal.appointments.WaitlistOffer.Status.CLAIMED, o.claimedAt = ?2"
                    + " where o.id = ?1 and o.status = sa.tenhal.appointments.WaitlistOffer.Status.PENDING and o.expiresAt > ?2")
    int claim(UUID id, Instant now);

    @Query("select o.entryId from WaitlistOffer o where o.providerId = ?1 and o.startsAt = ?2")
    List<UUID> entriesOfferedSlot(UUID providerId, Instant startsAt);
}

/**
 * Names this file. Without a type of the file's name javac writes no {@code Repositories.class}, and Maven then takes the file
 * for changed on every build and compiles every source again (SourceFilesTests).
 */
final class Repositories {
    private Repositories() {}
}
