package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.TenhalIntegrationTest;

/** The schedule locks bookings take before their conflict check (see {@link Occupancy#lock}). */
@TenhalIntegrationTest
class ScheduleLocksIntegrationTests {

    @Autowired
    Occupancy occupancy;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aBusyLockIsNotWaitedForAndTheLocksBeforeItStayHeldUntilTheEnd() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        if (key(first) > key(second)) {
            UUID swap = first;
            first = second;
            second = swap;
        }
        UUID busy = second;
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Thread other = new Thread(() -> tx.executeWithoutResult(status -> {
            occupancy.lock(List.of(busy));
            held.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            UUID free = first;
            tx.executeWithoutResult(status -> {
                assertThat(occupancy.tryLock(List.of(busy, free))).isFalse();
                // the lock before the busy one is held, so that waiting for the rest keeps the key order
                assertThat(holding(free)).isTrue();
                assertThat(holding(busy)).isFalse();
            });
        } finally {
            release.countDown();
            other.join();
        }
        UUID a = first;
        UUID b = second;
        tx.executeWithoutResult(status -> {
            assertThat(occupancy.tryLock(List.of(a, b))).isTrue();
            assertThat(holding(a)).isTrue();
            assertThat(holding(b)).isTrue();
        });
        // transaction-scoped: nothing is left after the end
        assertThat(jdbc.sql(
                                "select count(*) from pg_locks where locktype = 'advisory' and classid::bigint = ? and objid::bigint = ?")
                        .param(key(a) >>> 32)
                        .param(key(a) & 0xffffffffL)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private boolean holding(UUID id) {
        long key = key(id);
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and granted"
                                + " and pid = pg_backend_pid() and classid::bigint = ? and objid::bigint = ?")
                        .param(key >>> 32)
                        .param(key & 0xffffffffL)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static long key(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }
}
