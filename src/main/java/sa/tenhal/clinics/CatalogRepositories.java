package sa.tenhal.clinics;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Centres extends JpaRepository<Centre, UUID> {

    Optional<Centre> findByCode(String code);

    boolean existsByCode(String code);
}

interface Clinics extends JpaRepository<Clinic, UUID> {

    boolean existsByCentreCodeAndCode(String centreCode, String code);

    @Query(
            "select c from Clinic c where (:centre is null or c.centreCode = :centre) and (:active is null or c.active = :active)")
    Page<Clinic> search(String centre, Boolean active, @ParameterObject Pageable pageable);

    List<Clinic> findByIdIn(Collection<UUID> ids);
}

interface Providers extends JpaRepository<Provider, UUID> {

    boolean existsByUserId(UUID userId);

    Optional<Provider> findByUserId(UUID userId);

    @Query("""
            select distinct p from Provider p left join p.clinicIds c
             where (:clinic is null or c = :clinic) and (:active is null or p.active = :active)
            """)
    Page<Provider> search(UUID clinic, Boolean active, @ParameterObject Pageable pageable);

    @Query("select distinct p from Provider p join p.clinicIds c where c = :clinic and p.active = true")
    List<Provider> activeIn(UUID clinic);

    List<Provider> findByIdIn(Collection<UUID> ids);
}

interface Rooms extends JpaRepository<Room, UUID> {

    boolean existsByClinicIdAndCode(UUID clinicId, String code);

    @Query("""
            select r from Room r
             where (:clinic is null or r.clinicId = :clinic) and (:kind is null or r.kind = :kind)
               and (:active is null or r.active = :active)
            """)
    Page<Room> search(UUID clinic, RoomKind kind, Boolean active, @ParameterObject Pageable pageable);

    List<Room> findByClinicIdAndActiveTrue(UUID clinicId);

    List<Room> findByIdIn(Collection<UUID> ids);
}

interface ClinicalServices extends JpaRepository<ClinicalService, UUID> {

    boolean existsByClinicIdAndCode(UUID clinicId, String code);

    @Query(
            "select s from ClinicalService s where (:clinic is null or s.clinicId = :clinic) and (:active is null or s.active = :active)")
    Page<ClinicalService> search(UUID clinic, Boolean active, @ParameterObject Pageable pageable);

    List<ClinicalService> findByIdIn(Collection<UUID> ids);
}

/**
 * Names this file. Without a type of the file's name javac writes no {@code CatalogRepositories.class}, and Maven then takes the file
 * for changed on every build and compiles every source again (SourceFilesTests).
 */
final class CatalogRepositories {
    private CatalogRepositories() {}
}
