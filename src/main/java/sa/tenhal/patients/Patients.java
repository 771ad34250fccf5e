package sa.tenhal.patients;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Patients extends JpaRepository<Patient, UUID> {

    @Query(nativeQuery = true, value = "select nextval('patient_mrn_seq')")
    long nextMrn();

    long countByCreatedAtGreaterThanEqualAndCreatedAtLessThan(java.time.Instant from, java.time.Instant to);

    @Query(
            "select p from Patient p where p.idType = :type and p.idNumber = :number and p.status <> sa.tenhal.patients.PatientStatus.MERGED")
    Optional<Patient> findLiveByIdentity(IdentityDocumentType type, String number);

    List<Patient> findByBirthDateAndStatus(LocalDate birthDate, PatientStatus status);

    List<Patient> findByMobileAndStatus(String mobile, PatientStatus status);

    Page<Patient> findByStatus(PatientStatus status, @ParameterObject Pageable pageable);

    Optional<Patient> findByMrn(String mrn);

    long countByStatus(PatientStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Patient p where p.id = :id")
    Optional<Patient> findForUpdate(UUID id);
}
