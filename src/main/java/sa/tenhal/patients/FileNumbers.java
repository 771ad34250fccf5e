package sa.tenhal.patients;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gapless file numbers per centre and year. Taking a number upserts the counter row, which locks it until the
 * caller's transaction ends: concurrent registrations at one centre queue on that row, and a rollback returns the
 * number, so the sequence never has a hole.
 */
@Component
class FileNumbers {

    private final JdbcClient jdbc;

    FileNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next(String centreCode, int year) {
        int n = jdbc.sql("""
                        insert into file_number_counter (centre_code, year, last_number) values (:centre, :year, 1)
                        on conflict (centre_code, year) do update set last_number = file_number_counter.last_number + 1
                        returning last_number
                        """)
                .param("centre", centreCode)
                .param("year", year)
                .query(Integer.class)
                .single();
        return format(year, n);
    }

    static String format(int year, int n) {
        return "F-%d-%06d".formatted(year, n);
    }
}
