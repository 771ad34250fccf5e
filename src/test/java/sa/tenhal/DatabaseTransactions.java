package sa.tenhal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For benchmarks: PostgreSQL's count of the current database's transactions (commits and rollbacks, from
 * {@code pg_stat_database}), read before a measured run and after it.
 */
public final class DatabaseTransactions {

    // A busy backend reports its counts at most once a second; one that goes idle within a second of its last report
    // keeps the rest until PostgreSQL's idle interval (PGSTAT_IDLE_INTERVAL, 10 s) has passed. So once the run's work
    // is done, every count is in after 11 s. A fixed wait, not a wait for the count to stand still: on a live node the
    // scheduler's polls and heartbeats never let it (the few they add in 11 s are counted, against thousands of
    // requests).
    private static final long REPORTING_MILLIS = 11_000;

    private DatabaseTransactions() {}

    /** The count the backends have reported so far: before a run, with the database idle. */
    public static long reported(JdbcClient jdbc) {
        return jdbc.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
                .query(Long.class)
                .single();
    }

    /** The count once every backend has reported its last transactions: after a run, once its work is done. */
    public static long afterRun(JdbcClient jdbc) throws InterruptedException {
        Thread.sleep(REPORTING_MILLIS);
        return reported(jdbc);
    }
}
