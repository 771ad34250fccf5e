package sa.tenhal.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

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

    /**
     * Counts a failed sign-in and locks the account for a while once the limit is reached. A lock that has run out
     * starts the count afresh. One statement, so concurrent attempts cannot slip past the limit.
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = """
            update staff_user
               set failed_sign_ins = case when locked_until <= cast(:now as timestamptz) then 1 else failed_sign_ins + 1 end,
                   locked_until = case
                       when (case when locked_until <= cast(:now as timestamptz) then 1 else failed_sign_ins + 1 end) >= :limit
                           then cast(:lockUntil as timestamptz)
                       else null end
             where username = :username
            """)
    int countFailedSignIn(String username, int limit, Instant now, Instant lockUntil);

    @Modifying
    @Transactional
    @Query(
            "update StaffUser u set u.failedSignIns = 0, u.lockedUntil = null where u.username = :username and u.failedSignIns > 0")
    int resetFailedSignIns(String username);
}
