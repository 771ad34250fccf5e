package sa.tenhal.finance;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PackageDefinitions extends JpaRepository<PackageDefinition, UUID> {

    List<PackageDefinition> findByActiveTrueOrderByNameEnAscIdAsc();
}

interface PatientPackages extends JpaRepository<PatientPackage, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PatientPackage p where p.id = :id")
    Optional<PatientPackage> lock(UUID id);

    /** The patient's active packages, soonest to expire first (used first), locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PatientPackage p where p.patientId = :patient"
            + " and p.status = sa.tenhal.finance.PackageStatus.ACTIVE order by p.expiresOn, p.id")
    List<PatientPackage> lockActive(UUID patient);

    Optional<PatientPackage> findByInvoiceId(UUID invoice);

    List<PatientPackage> findByPatientIdOrderByPurchasedAtDescIdDesc(UUID patient);

    @Query("select p.id from PatientPackage p where p.status = sa.tenhal.finance.PackageStatus.ACTIVE"
            + " and p.expiresOn < :today")
    List<UUID> pastValidity(LocalDate today);
}

/**
 * Names this file. Without a type of the file's name javac writes no {@code PackageRepositories.class}, and Maven then takes the file
 * for changed on every build and compiles every source again (SourceFilesTests).
 */
final class PackageRepositories {
    private PackageRepositories() {}
}
