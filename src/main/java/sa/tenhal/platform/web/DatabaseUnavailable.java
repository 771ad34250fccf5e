package sa.tenhal.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means that PostgreSQL cannot be reached (restarting, down, the network gone) rather than that
 * something is wrong with the request or the code: no connection within the pool's timeout, a connection that broke,
 * the server shutting down. Such requests answer 503 with a problem body; they succeed again, without anyone's help,
 * once the database is back.
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {}

    static boolean is(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getMessage() != null
                    && (sql.getMessage().startsWith("Connection is closed")
                            || sql.getMessage().contains("connection has been closed"))) {
                // the pool's (or the driver's) answer to using a connection that broke: when the database went away
                // mid-transaction, Spring reports the failed rollback instead of the original error
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
