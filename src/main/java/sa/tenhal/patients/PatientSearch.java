package sa.tenhal.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.shared.Digits;
import sa.tenhal.shared.PhoneNumber;

/**
 * Finds active patients by what a receptionist types. Plain SQL over indexes built for it:
 *
 * <ul>
 *   <li>a phone number (any usual form) matches the patient's mobile or a guardian's phone;
 *   <li>ten digits starting with 1 or 2 match the identity number; other digits the medical record number or the
 *       identity number (passports);
 *   <li>anything else is a name: every word must appear, in Arabic or English, ignoring case, diacritics and hamza
 *       forms; words of three letters or more match anywhere (trigram index), shorter ones the start of a name word.
 * </ul>
 */
@Component
class PatientSearch {

    private static final String COLUMNS = """
            p.id, p.mrn, p.given_name_ar, p.family_name_ar, p.given_name_en, p.family_name_en, p.birth_date, p.sex,
            p.mobile, p.id_type, p.id_number""";
    // An expression no btree index provides: the planner narrows by the search index first and sorts the few hits,
    // instead of walking the whole name index in order and filtering (fast for common names, very slow for rare ones).
    private static final String ORDER =
            " order by coalesce(p.family_name_en, p.family_name_ar), coalesce(p.given_name_en, p.given_name_ar), p.mrn";

    private final JdbcClient jdbc;

    PatientSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Query(String text, String name, String phone, String mrn, String identity) {}

    /**
     * Up to {@code limit + 1} hits from {@code offset}, so the caller can tell whether there are more; only patients
     * in {@code scope}.
     */
    List<PatientSearchHit> find(Query query, PatientAccess.Scope scope, int offset, int limit) {
        return new Scoped(scope).find(query, offset, limit);
    }

    /** One search within one scope: every query below adds the scope's condition and binds its parameters. */
    private final class Scoped {
        private final PatientAccess.Scope scope;

        Scoped(PatientAccess.Scope scope) {
            this.scope = scope;
        }

        private JdbcClient.StatementSpec sql(String select) {
            int order = select.indexOf(ORDER);
            String scoped = select.substring(0, order) + " and " + scope.condition("p.id") + select.substring(order);
            return scope.bind(jdbc.sql(scoped));
        }

        List<PatientSearchHit> find(Query query, int offset, int limit) {
            if (query.phone() != null) {
                return byPhone(query.phone(), offset, limit);
            }
            if (query.mrn() != null) {
                return byColumn("p.mrn", query.mrn().strip().toUpperCase(Locale.ROOT), offset, limit);
            }
            if (query.identity() != null) {
                return byColumn(
                        "p.id_number",
                        Digits.toAscii(query.identity().strip()).toUpperCase(Locale.ROOT),
                        offset,
                        limit);
            }
            if (query.name() != null) {
                return byName(query.name(), offset, limit);
            }
            String text = Digits.toAscii(query.text().strip());
            if (PhoneNumber.looksLikePhone(text)) {
                return byPhone(text, offset, limit);
            }
            String compact = text.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
            if (compact.matches("[0-9]{5,12}")) {
                return byIdentifier(compact, offset, limit);
            }
            if (compact.matches("[A-Z]{0,3}[0-9]{5,17}")) {
                return byColumn("p.id_number", compact, offset, limit); // a passport number
            }
            return byName(text, offset, limit);
        }

        private List<PatientSearchHit> byPhone(String typed, int offset, int limit) {
            Optional<String> e164 = parse(typed);
            if (e164.isEmpty()) {
                return List.of();
            }
            return sql("select " + COLUMNS + " from patient p where p.status = 'ACTIVE' and p.id in"
                            + " (select m.id from patient m where m.mobile = :phone"
                            + " union select g.patient_id from patient_guardian g where g.phone = :phone)"
                            + ORDER + " offset :offset limit :limit")
                    .param("phone", e164.get())
                    .param("offset", offset)
                    .param("limit", limit + 1)
                    .query(PatientSearch::hit)
                    .list();
        }

        private List<PatientSearchHit> byIdentifier(String digits, int offset, int limit) {
            return sql("select " + COLUMNS
                            + " from patient p where p.status = 'ACTIVE' and (p.mrn = :value or p.id_number = :value)"
                            + ORDER + " offset :offset limit :limit")
                    .param("value", digits)
                    .param("offset", offset)
                    .param("limit", limit + 1)
                    .query(PatientSearch::hit)
                    .list();
        }

        private List<PatientSearchHit> byColumn(String column, String value, int offset, int limit) {
            return sql("select " + COLUMNS + " from patient p where p.status = 'ACTIVE' and " + column + " = :value"
                            + ORDER + " offset :offset limit :limit")
                    .param("value", value)
                    .param("offset", offset)
                    .param("limit", limit + 1)
                    .query(PatientSearch::hit)
                    .list();
        }

        private List<PatientSearchHit> byName(String text, int offset, int limit) {
            String normalized = NameNormalizer.normalize(text);
            if (normalized.isEmpty()) {
                return List.of();
            }
            List<String> conditions = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            var sql = new StringBuilder("select " + COLUMNS + " from patient p where p.status = 'ACTIVE'");
            var params = new java.util.LinkedHashMap<String, Object>();
            int i = 0;
            for (String word : normalized.split(" ")) {
                if (word.length() >= 3) {
                    String name = "w" + i++;
                    conditions.add(" and p.search_text like :" + name);
                    params.put(name, "%" + escapeLike(word) + "%");
                } else {
                    prefixes.add(word.replaceAll("[^\\p{L}\\p{N}]", "") + ":*");
                }
            }
            conditions.forEach(sql::append);
            prefixes.removeIf(p -> p.equals(":*"));
            if (!prefixes.isEmpty()) {
                sql.append(" and p.search_vector @@ to_tsquery('simple', :prefixes)");
                params.put("prefixes", String.join(" & ", prefixes));
            }
            sql.append(ORDER).append(" offset :offset limit :limit");
            var spec = sql(sql.toString());
            for (var e : params.entrySet()) {
                spec = spec.param(e.getKey(), e.getValue());
            }
            return spec.param("offset", offset)
                    .param("limit", limit + 1)
                    .query(PatientSearch::hit)
                    .list();
        }
    }

    private static Optional<String> parse(String typed) {
        try {
            return Optional.of(PhoneNumber.parse(typed).e164());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PatientSearchHit hit(ResultSet rs, int row) throws SQLException {
        return new PatientSearchHit(
                new PatientId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("mrn"),
                rs.getString("given_name_ar"),
                rs.getString("family_name_ar"),
                rs.getString("given_name_en"),
                rs.getString("family_name_en"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("mobile"),
                IdentityDocumentType.valueOf(rs.getString("id_type")),
                rs.getString("id_number"));
    }
}
