package sa.tenhal.finance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequential document numbers without gaps, per centre and series ({@code INV-RYD-000001}). The counter row is bumped
 * in the issuing transaction and stays locked until it commits: a concurrent issuer waits for it, and a transaction
 * that rolls back gives its number back. (A database sequence would be faster but leaves gaps on rollback, which a
 * tax document series must not have.)
 */
@Component
class DocumentNumbers {

    private final JdbcClient jdbc;

    DocumentNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String centreCode, DocumentKind kind) {
        long value = jdbc.sql("""
                        insert into finance_counter (centre_code, series, last_value) values (:centre, :series, 1)
                        on conflict (centre_code, series) do update set last_value = finance_counter.last_value + 1
                        returning last_value""")
                .param("centre", centreCode)
                .param("series", kind.series())
                .query(Long.class)
                .single();
        return "%s-%s-%06d".formatted(kind.series(), centreCode, value);
    }
}
