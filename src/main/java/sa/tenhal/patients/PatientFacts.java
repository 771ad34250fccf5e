package sa.tenhal.patients;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import sa.tenhal.shared.Language;

/**
 * The facts about a patient other modules ask for on every booking and every message (the status, the reply number,
 * how to reach them), each in one query: through the persistence context (a JPQL query flushing it first, or the
 * record and then its guardians) they cost several times the query itself.
 */
@Component
class PatientFacts {

    /** The patient's own mobile, else the first primary guardian's phone. */
    private static final String REACH = "coalesce(p.mobile, (select g.phone from patient_guardian g"
            + " where g.patient_id = p.id and g.primary_contact order by g.position limit 1))";

    private static final ChannelsConverter CHANNELS = new ChannelsConverter();

    private final JdbcClient jdbc;

    PatientFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PatientStatus> status(UUID patient) {
        return jdbc.sql("select status from patient where id = :id")
                .param("id", patient)
                .query((rs, n) -> PatientStatus.valueOf(rs.getString(1)))
                .optional();
    }

    /** Empty when there is no such patient, and when there is no number to reach them at (a NULL reads as empty). */
    Optional<String> mobile(UUID patient) {
        return jdbc.sql("select " + REACH + " from patient p where p.id = :id")
                .param("id", patient)
                .query(String.class)
                .optional();
    }

    Optional<PatientContact> contact(UUID patient) {
        return jdbc.sql("select p.given_name_en, p.given_name_ar, p.preferred_language, p.mobile, p.email, p.channels, "
                        + REACH + " from patient p where p.id = :id")
                .param("id", patient)
                .query((rs, n) -> {
                    String givenEn = rs.getString(1);
                    String givenAr = rs.getString(2);
                    Language language = Language.valueOf(rs.getString(3));
                    String reach = rs.getString(7);
                    return new PatientContact(
                            new PatientId(patient),
                            language == Language.AR
                                    ? Patient.firstNonNull(givenAr, givenEn)
                                    : Patient.firstNonNull(givenEn, givenAr),
                            language,
                            reach,
                            rs.getString(5),
                            Set.copyOf(CHANNELS.convertToEntityAttribute(rs.getString(6))),
                            rs.getString(4) == null && reach != null,
                            Patient.firstNonNull(givenEn, givenAr),
                            Patient.firstNonNull(givenAr, givenEn));
                })
                .optional();
    }
}
