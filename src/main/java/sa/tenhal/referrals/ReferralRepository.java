package sa.tenhal.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ReferralRepository extends JpaRepository<Referral, UUID> {

    List<Referral> findByPatientIdOrderByCreatedAtDescIdDesc(UUID patientId);

    @Query("""
            select r from Referral r
            where r.patientId = :patientId and r.toClinicId = :toClinicId
              and r.status in (sa.tenhal.referrals.ReferralStatus.PENDING, sa.tenhal.referrals.ReferralStatus.ACCEPTED)
            """)
    Optional<Referral> findOpen(@Param("patientId") UUID patientId, @Param("toClinicId") UUID toClinicId);

    /** The patient's accepted referral to this clinic that no appointment closes yet (at most one is open). */
    @Query("""
            select r.id from Referral r
            where r.patientId = :patientId and r.toClinicId = :toClinicId
              and r.status = sa.tenhal.referrals.ReferralStatus.ACCEPTED and r.firstAppointmentId is null
            """)
    Optional<UUID> findAwaitingFirstVisit(@Param("patientId") UUID patientId, @Param("toClinicId") UUID toClinicId);

    Optional<Referral> findByFirstAppointmentId(UUID appointmentId);

    boolean existsByRuleIdAndPatientIdAndTriggerKey(UUID ruleId, UUID patientId, String triggerKey);

    @Query("""
            select r from Referral r
            where r.status = sa.tenhal.referrals.ReferralStatus.PENDING and r.respondBy < :now
            order by r.respondBy, r.id
            """)
    List<Referral> findPendingPast(@Param("now") Instant now);

    @Query("""
            select r from Referral r
            where r.toClinicId in :clinics and (:status is null or r.status = :status)
            """)
    Page<Referral> incoming(
            @Param("clinics") java.util.Collection<UUID> clinics,
            @Param("status") ReferralStatus status,
            Pageable page);

    @Query("""
            select r from Referral r
            where r.fromClinicId in :clinics and (:status is null or r.status = :status)
            """)
    Page<Referral> outgoing(
            @Param("clinics") java.util.Collection<UUID> clinics,
            @Param("status") ReferralStatus status,
            Pageable page);

    @Query("""
            select r from Referral r
            where (:status is null or r.status = :status)
              and (:patientId is null or r.patientId = :patientId)
              and (:fromClinicId is null or r.fromClinicId = :fromClinicId)
              and (:toClinicId is null or r.toClinicId = :toClinicId)
            """)
    Page<Referral> search(
            @Param("status") ReferralStatus status,
            @Param("patientId") UUID patientId,
            @Param("fromClinicId") UUID fromClinicId,
            @Param("toClinicId") UUID toClinicId,
            Pageable page);
}
