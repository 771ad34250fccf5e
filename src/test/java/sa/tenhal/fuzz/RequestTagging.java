package sa.tenhal.fuzz;

import jakarta.servlet.Filter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets the database tell which fuzz request changed a row. A filter before every other reads the request's number
 * from {@value #HEADER}; every connection the request's thread takes from the pool is stamped with it
 * ({@code set_config('tenhal.fuzz_request', …)}), and every connection taken by any other thread — the asynchronous
 * listeners and jobs that earlier requests started — is stamped empty. {@link RowChanges}' triggers record only
 * stamped changes, and only those that commit.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestTagging {

    static final String HEADER = "X-Fuzz-Request";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The threads that served fuzz requests: what they log is the fuzzed application's, not another test's. */
    static final java.util.Set<String> SERVING_THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Bean
    FilterRegistrationBean<Filter> fuzzRequestTag() {
        Filter filter = (request, response, chain) -> {
            String tag =
                    request instanceof jakarta.servlet.http.HttpServletRequest http ? http.getHeader(HEADER) : null;
            CURRENT.set(tag);
            if (tag != null) {
                SERVING_THREADS.add(Thread.currentThread().getName());
            }
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    static BeanPostProcessor stampConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name)
                        ? new Stamping(dataSource)
                        : bean;
            }
        };
    }

    /** The application's pool, stamping each connection it hands out; closed with the context like the pool. */
    static final class Stamping extends DelegatingDataSource implements AutoCloseable {

        Stamping(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return stamp(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return stamp(super.getConnection(username, password));
        }

        private static Connection stamp(Connection connection) throws SQLException {
            String tag = CURRENT.get();
            try (PreparedStatement set =
                    connection.prepareStatement("select set_config('tenhal.fuzz_request', ?, false)")) {
                set.setString(1, tag == null ? "" : tag);
                set.execute();
            }
            return connection;
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable pool) {
                pool.close();
            }
        }
    }
}
