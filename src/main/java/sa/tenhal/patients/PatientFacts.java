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

    private static final String GUARDIAN_PHONE = "(select g.phone from patient_guardian g"
            + " where g.patient_id = p.id and g.primary_contact order by g.position limit 1)";

    private static final String GUARDIAN_NAME = "(select g.name from patient_guardian g"
            + " where g.patient_id = p.id and g.primary_contact order by g.position limit 1)";

    /** Whether the patient is a child (under 18 today): messages about a child go to the guardian. */
    private static final String CHILD = "(p.birth_date > current_date - interval '18 years')";

    /**
     * A child's first primary guardian's phone, else the patient's own mobile, else the first primary guardian's
     * phone.
     */
    private static final String REACH =
            "coalesce(case when " + CHILD + " then " + GUARDIAN_PHONE + " end, p.mobile, " + GUARDIAN_PHONE + ")";

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

    Optional<PatientStanding> standing(UUID patient) {
        return jdbc.sql("select p.status, exists (select 1 from patient_coverage c where c.patient_id = p.id)"
                        + " from patient p where p.id = :id")
                .param("id", patient)
                .query((rs, n) -> new PatientStanding(PatientStatus.valueOf(rs.getString(1)), rs.getBoolean(2)))
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
                        + REACH + ", " + GUARDIAN_NAME + ", " + GUARDIAN_PHONE + ", " + CHILD
                        + " from patient p where p.id = :id")
                .param("id", patient)
                .query((rs, n) -> {
                    String givenEn = rs.getString(1);
                    String givenAr = rs.getString(2);
                    Language language = Language.valueOf(rs.getString(3));
                    String reach = rs.getString(7);
                    String guardianPhone = rs.getString(9);
                    boolean viaGuardian = reach != null
                            && guardianPhone != null
                            && reach.equals(guardianPhone)
                            && (rs.getString(4) == null || rs.getBoolean(10));
                    return new PatientContact(
                            new PatientId(patient),
                            language == Language.AR
                                    ? Patient.firstNonNull(givenAr, givenEn)
                                    : Patient.firstNonNull(givenEn, givenAr),
                            language,
                            reach,
                            rs.getString(5),
                            Set.copyOf(CHANNELS.convertToEntityAttribute(rs.getString(6))),
                            viaGuardian,
                            Patient.firstNonNull(givenEn, givenAr),
                            Patient.firstNonNull(givenAr, givenEn),
                            viaGuardian ? rs.getString(8) : null);
                })
                .optional();
    }

    /** The patient's coverages in their order (position), from their own table: no patient, guardians or documents. */
    java.util.List<PatientDetails.Coverage> coverages(java.util.UUID patientId) {
        return jdbc.sql("""
                        select id, payer_id, payer_name, member_id, policy_number, plan_class, expires_on, relationship,
                               subscriber_member_id
                          from patient_coverage where patient_id = :id order by position
                        """)
                .param("id", patientId)
                .query((rs, i) -> new PatientDetails.Coverage(
                        rs.getObject("id", java.util.UUID.class),
                        rs.getString("payer_id"),
                        rs.getString("payer_name"),
                        rs.getString("member_id"),
                        rs.getString("policy_number"),
                        rs.getString("plan_class"),
                        rs.getObject("expires_on", java.time.LocalDate.class),
                        SubscriberRelation.of(rs.getString("relationship")),
                        rs.getString("subscriber_member_id")))
                .list();
    }
}
