package sa.tenhal.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row-level triggers on every table of the application that record, in {@code fuzz_change}, each committed insert,
 * update or delete made by a stamped fuzz request ({@link RequestTagging}). A change rolled back with its request
 * leaves no record: the record is written in the same transaction.
 *
 * <p>Not recorded, on purpose — what a refused request may write by design:
 *
 * <ul>
 *   <li>{@code audit_entry}: the append-only trail records attempts (failed sign-ins, refused reads) as well as deeds;
 *   <li>{@code spring_session}, {@code spring_session_attributes}: the caller's session (last access, CSRF token);
 *   <li>{@code idempotency_record}: a refused answer is kept under its key, so that a retry gets the same answer;
 *   <li>{@code api_token} when only {@code last_used_at} changes: the bearer's last-use stamp.
 * </ul>
 */
final class RowChanges {

    private static final Set<String> NOT_RECORDED = Set.of(
            "audit_entry",
            "spring_session",
            "spring_session_attributes",
            "idempotency_record",
            "flyway_schema_history",
            "fuzz_change");

    /** One table changed by one request: how many rows, by which operations. */
    record Change(String request, String table, String operation, long rows) {}

    private final JdbcClient jdbc;

    RowChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void install() {
        jdbc.sql("""
                create table if not exists fuzz_change (
                    request   text not null,
                    tbl       text not null,
                    operation text not null
                )""").update();
        jdbc.sql("truncate fuzz_change").update();
        jdbc.sql("""
                create or replace function fuzz_record() returns trigger language plpgsql as $$
                declare
                    request text := current_setting('tenhal.fuzz_request', true);
                begin
                    if request is null or request = '' then
                        return null;
                    end if;
                    if tg_table_name = 'api_token' and tg_op = 'UPDATE'
                       and (to_jsonb(new) - 'last_used_at') = (to_jsonb(old) - 'last_used_at') then
                        return null;
                    end if;
                    insert into fuzz_change (request, tbl, operation) values (request, tg_table_name, tg_op);
                    return null;
                end $$""").update();
        for (String table : tables()) {
            jdbc.sql("drop trigger if exists fuzz_change on \"" + table + "\"").update();
            jdbc.sql("create trigger fuzz_change after insert or update or delete on \"" + table
                            + "\" for each row execute function fuzz_record()")
                    .update();
        }
    }

    void uninstall() {
        for (String table : tables()) {
            jdbc.sql("drop trigger if exists fuzz_change on \"" + table + "\"").update();
        }
        jdbc.sql("drop function if exists fuzz_record()").update();
        jdbc.sql("drop table if exists fuzz_change").update();
    }

    /** What the given requests changed, by request and table. */
    List<Change> by(Set<String> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select request, tbl, operation, count(*) as n from fuzz_change
                         where request in (:requests) group by request, tbl, operation order by request, tbl, operation
                        """)
                .param("requests", requests)
                .query((rs, i) -> new Change(
                        rs.getString("request"), rs.getString("tbl"), rs.getString("operation"), rs.getLong("n")))
                .list();
    }

    /** How many rows each table had changed by stamped requests (any status), for the report. */
    Map<String, Long> totals() {
        return jdbc
                .sql("select tbl, count(*) as n from fuzz_change group by tbl order by tbl")
                .query((rs, i) -> Map.entry(rs.getString("tbl"), rs.getLong("n")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    private List<String> tables() {
        return jdbc.sql("""
                        select tablename from pg_tables where schemaname = current_schema()
                        """).query(String.class).list().stream()
                .filter(t -> !NOT_RECORDED.contains(t))
                .sorted()
                .toList();
    }
}
