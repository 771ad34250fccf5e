package sa.tenhal;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * For tests: the SQL Hibernate prepares on the current thread while a piece of work runs (a statement inspector that
 * only records where asked, and changes nothing).
 */
public final class HibernateStatements implements StatementInspector {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** The statements Hibernate prepared on this thread while {@code work} ran, in order. */
    public static List<String> during(Runnable work) {
        List<String> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return sent;
    }

    static HibernatePropertiesCustomizer installed() {
        HibernateStatements inspector = new HibernateStatements();
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, inspector);
    }

    @Override
    public String inspect(String sql) {
        List<String> sent = RECORDING.get();
        if (sent != null) {
            sent.add(sql);
        }
        return sql;
    }
}
