package sa.tenhal;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For benchmarks: PostgreSQL's count of the current database's transactions (commits and rollbacks, from
 * {@code pg_stat_database}), read before a measured run and after it.
 */
public final class DatabaseTransactions {

    // a backend reports its counts to the statistics at most once a second, and within a second of going idle
    private static final long REPORTING_MILLIS = 1_500;

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
