package sa.tenhal.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the database knows that bears on a sign-in's waits: when an admin last lifted an account's waits, and the
 * addresses each user has signed in from ({@code staff_sign_in_place}). Only a successful sign-in or an admin writes
 * here, never an anonymous attempt.
 */
@Component
class SignInPlaces {

    private static final int MAX_ADDRESS_LENGTH = 64;

    /**
     * @param liftedAt when the account's waits were last lifted (null: never, or no such user)
     * @param familiar whether the user signed in from the address lately
     */
    record Standing(Instant liftedAt, boolean familiar) {

        static final Standing NOBODY = new Standing(null, false);

        /** Whether the waits were lifted after failures counted since {@code since}. */
        boolean liftedSince(Instant since) {
            return liftedAt != null && liftedAt.isAfter(since);
        }
    }

    private final JdbcClient jdbc;

    SignInPlaces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The standing of the account named {@code name} (normalised) for an attempt from {@code address}: familiar if
     * the user signed in from there after {@code familiarSince}. A name nobody has answers {@link Standing#NOBODY},
     * after the same query.
     */
    Standing standing(String name, String address, Instant familiarSince) {
        if (!StaffUserDetailsService.couldNameAUser(name)) {
            return Standing.NOBODY;
        }
        return jdbc.sql("""
                        select u.sign_in_delays_lifted_at as lifted_at,
                               exists (select 1 from staff_sign_in_place p
                                        where p.user_id = u.id and p.address = :address
                                          and p.last_success_at > :since) as familiar
                          from staff_user u
                         where u.username = :name
                        """)
                .param("name", name)
                .param("address", address(address))
                .param("since", Timestamp.from(familiarSince))
                .query((rs, row) -> new Standing(
                        rs.getTimestamp("lifted_at") == null
                                ? null
                                : rs.getTimestamp("lifted_at").toInstant(),
                        rs.getBoolean("familiar")))
                .optional()
                .orElse(Standing.NOBODY);
    }

    /** The user signed in from {@code address}: it is one of their places (again); places long unused are dropped. */
    @Transactional
    void signedIn(UserId user, String address, Instant now, Instant forgetBefore) {
        UUID id = user.value();
        jdbc.sql("""
                        insert into staff_sign_in_place (user_id, address, last_success_at)
                        values (:user, :address, :now)
                        on conflict (user_id, address) do update set last_success_at = excluded.last_success_at
                        """)
                .param("user", id)
                .param("address", address(address))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("delete from staff_sign_in_place where user_id = :user and last_success_at < :before")
                .param("user", id)
                .param("before", Timestamp.from(forgetBefore))
                .update();
    }

    private static String address(String address) {
        return address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
    }
}
