package sa.tenhal.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffUsers extends JpaRepository<StaffUser, UUID> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByEmailIgnoreCase(String email);

    @Query("select distinct u from StaffUser u join u.roles r where r = :role and u.enabled = true")
    List<StaffUser> findEnabledWithRole(Role role);

    @Query("select distinct u from StaffUser u where u.id in :ids")
    List<StaffUser> findAllByIds(Collection<UUID> ids);

    @Query("select distinct u from StaffUser u join u.roles r where r = :role")
    Page<StaffUser> findByRole(Role role, @ParameterObject Pageable pageable);

    /**
     * Staff whose username, names or email contain {@code text} (lower-case, with {@code %}, {@code _} and backslash
     * escaped by the caller; null for any), holding {@code role} (null for any).
     */
    @Query("""
            select u from StaffUser u
             where (:role is null or :role member of u.roles)
               and (:text is null or lower(u.username) like :text escape '\\' or lower(u.fullNameEn) like :text escape '\\'
                    or lower(coalesce(u.fullNameAr, '')) like :text escape '\\' or lower(u.email) like :text escape '\\')
            """)
    Page<StaffUser> search(String text, Role role, @ParameterObject Pageable pageable);
}
