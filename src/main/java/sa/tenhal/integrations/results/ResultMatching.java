package sa.tenhal.integrations.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientIdentification;
import sa.tenhal.patients.PatientIdentification.Candidate;
import sa.tenhal.patients.Sex;
import sa.tenhal.visits.OrderFacts;
import sa.tenhal.visits.VisitRecords;

/**
 * Which patient (and which order) a result belongs to (docs/results.md, Matching), as named rules:
 *
 * <ol>
 *   <li>{@code ByOrderNumber}: the order number the lab echoes is one of our orders; its patient is the one, unless
 *       the birth date or the sex the lab sent disagrees.
 *   <li>{@code ByIdentifierNameAndBirthDate}: the record number or the national id finds exactly one patient, and the
 *       family and given name and the birth date are that patient's (a twin has another given name and record number;
 *       a namesake another birth date); a sex that disagrees stops it too.
 *   <li>Anything else waits in the matching queue for a person.
 * </ol>
 *
 * A result is never attached automatically when the birth date or the sex disagrees.
 */
@Component
public class ResultMatching {

    /** Where a report goes. */
    public enum State {
        ORDER,
        PATIENT,
        QUEUED,
        MANUAL
    }

    record Match(State state, PatientId patient, OrderFacts order, String note) {

        static Match queued(String note) {
            return new Match(State.QUEUED, null, null, note);
        }
    }

    private final VisitRecords visits;
    private final PatientIdentification identification;

    ResultMatching(VisitRecords visits, PatientIdentification identification) {
        this.visits = visits;
        this.identification = identification;
    }

    Match match(IncomingReport report) {
        IncomingReport.SentPatient sent = report.patient();
        Optional<OrderFacts> order = order(report.placerOrder());
        if (order.isPresent()) {
            Candidate patient =
                    identification.candidate(order.get().patientId()).orElse(null);
            if (patient == null) {
                return Match.queued("order " + report.placerOrder() + " has no patient");
            }
            String disagreement = disagreement(patient, sent);
            if (disagreement != null) {
                return Match.queued("order number matches, but " + disagreement);
            }
            return new Match(State.ORDER, patient.id(), order.get(), null);
        }
        List<Candidate> found = identification.candidates(sent.mrn(), sent.nationalId());
        Map<PatientId, Candidate> distinct = new LinkedHashMap<>();
        found.forEach(c -> distinct.putIfAbsent(c.id(), c));
        if (distinct.isEmpty()) {
            return Match.queued(
                    sent.mrn() == null && sent.nationalId() == null
                            ? "no order number, record number or national id"
                            : "no patient with this record number or national id");
        }
        if (distinct.size() > 1) {
            return Match.queued("the record number and the national id name different patients");
        }
        Candidate patient = distinct.values().iterator().next();
        if (sent.mrn() != null
                && !sent.mrn().equalsIgnoreCase(patient.mrn())
                && sent.nationalId() != null
                && !sent.nationalId().equals(patient.idNumber())) {
            return Match.queued("identifiers disagree");
        }
        String disagreement = disagreement(patient, sent);
        if (disagreement != null) {
            return Match.queued(disagreement);
        }
        if (sent.birthDate() == null) {
            return Match.queued("no birth date to confirm the patient");
        }
        if (!patient.named(sent.family(), sent.given())) {
            return Match.queued("the name differs from the patient's");
        }
        return new Match(State.PATIENT, patient.id(), null, null);
    }

    /** Birth date or sex that the source sent and that is not the patient's; null when nothing disagrees. */
    static String disagreement(Candidate patient, IncomingReport.SentPatient sent) {
        if (sent.birthDate() != null && !sent.birthDate().equals(patient.birthDate())) {
            return "the birth date differs from the patient's";
        }
        Sex sex = sex(sent.sex());
        if (sex != null && sex != patient.sex()) {
            return "the sex differs from the patient's";
        }
        return null;
    }

    /** HL7 v2 M/F (table 0001) or FHIR male/female; anything else (unknown, other) says nothing. */
    static Sex sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "m", "male" -> Sex.MALE;
            case "f", "female" -> Sex.FEMALE;
            default -> null;
        };
    }

    private Optional<OrderFacts> order(String placer) {
        if (placer == null) {
            return Optional.empty();
        }
        try {
            return visits.orderFacts(UUID.fromString(placer.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
