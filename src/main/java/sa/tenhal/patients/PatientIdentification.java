package sa.tenhal.patients;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the patient a message from outside names (a lab's result, a partner's reply) by the identifiers it carries,
 * for the system's own matching: no person reads anything here, so nothing is audited. Deciding whether a candidate
 * is the patient (name, birth date, sex) is the caller's rule; this class only finds candidates and compares names
 * the way the registry does (case, diacritics and Arabic spelling variants do not matter).
 */
@Component
public class PatientIdentification {

    /** A live patient (active or archived; never a merged one) as identifiers find them. */
    public record Candidate(
            PatientId id,
            String mrn,
            String idNumber,
            String givenNameEn,
            String familyNameEn,
            String givenNameAr,
            String familyNameAr,
            LocalDate birthDate,
            Sex sex) {

        /** True when family and given name are this patient's, in English or in Arabic. */
        public boolean named(String family, String given) {
            String f = NameNormalizer.normalize(family);
            String g = NameNormalizer.normalize(given);
            if (f.isEmpty() || g.isEmpty()) {
                return false;
            }
            return (f.equals(NameNormalizer.normalize(familyNameEn)) && g.equals(NameNormalizer.normalize(givenNameEn)))
                    || (f.equals(NameNormalizer.normalize(familyNameAr))
                            && g.equals(NameNormalizer.normalize(givenNameAr)));
        }
    }

    private final JdbcClient jdbc;

    PatientIdentification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The patients with this record number (MRN) or this identity document number (national id, iqama, passport). */
    public List<Candidate> candidates(String mrn, String idNumber) {
        String m = mrn == null ? "" : mrn.strip().toUpperCase(Locale.ROOT);
        String n = idNumber == null ? "" : idNumber.strip();
        if (m.isEmpty() && n.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, mrn, id_number, given_name_en, family_name_en, given_name_ar, family_name_ar,"
                        + " birth_date, sex from patient where status <> 'MERGED' and (upper(mrn) = :mrn or id_number ="
                        + " :number) order by mrn")
                .param("mrn", m)
                .param("number", n)
                .query((rs, row) -> new Candidate(
                        new PatientId(rs.getObject("id", java.util.UUID.class)),
                        rs.getString("mrn"),
                        rs.getString("id_number"),
                        rs.getString("given_name_en"),
                        rs.getString("family_name_en"),
                        rs.getString("given_name_ar"),
                        rs.getString("family_name_ar"),
                        rs.getObject("birth_date", LocalDate.class),
                        Sex.valueOf(rs.getString("sex"))))
                .list();
    }

    /** The patient with this id, as a candidate (an order's patient, checked against what the message says). */
    public java.util.Optional<Candidate> candidate(PatientId id) {
        return jdbc.sql("select id, mrn, id_number, given_name_en, family_name_en, given_name_ar, family_name_ar,"
                        + " birth_date, sex from patient where id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Candidate(
                        new PatientId(rs.getObject("id", java.util.UUID.class)),
                        rs.getString("mrn"),
                        rs.getString("id_number"),
                        rs.getString("given_name_en"),
                        rs.getString("family_name_en"),
                        rs.getString("given_name_ar"),
                        rs.getString("family_name_ar"),
                        rs.getObject("birth_date", LocalDate.class),
                        Sex.valueOf(rs.getString("sex"))))
                .optional();
    }
}
