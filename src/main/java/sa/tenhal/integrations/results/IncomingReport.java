package sa.tenhal.integrations.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import sa.tenhal.visits.OrderKind;
import sa.tenhal.visits.ResultFlag;

/**
 * A report as a lab or imaging centre sent it, whatever the protocol (an HL7 v2 {@code ORU^R01} order observation, a
 * FHIR {@code DiagnosticReport} with its {@code Observation}s): what {@link ResultIntake} files.
 *
 * @param source who sent it ({@code mllp:<application>^<facility>} or the FHIR source's name)
 * @param externalId the source's own id for the report (the filler order number, the report's id): a report sent again
 *     or corrected has the same one
 * @param placerOrder our order number as the source echoes it (the visit order's id), if any
 */
record IncomingReport(
        String source,
        String externalId,
        OrderKind kind,
        String code,
        String codeSystem,
        String display,
        ResultStatus status,
        String placerOrder,
        SentPatient patient,
        List<Observation> observations,
        String reportText,
        byte[] pdf,
        String imagingStudy,
        Instant observedAt) {

    /** The patient as the source named them. */
    record SentPatient(String mrn, String nationalId, String family, String given, LocalDate birthDate, String sex) {

        static final SentPatient NONE = new SentPatient(null, null, null, null, null, null);
    }

    /**
     * One observation; {@code key} identifies it within the report (code and sub-id), so that a correction supersedes
     * the revision it corrects.
     */
    record Observation(
            String key,
            String code,
            String codeSystem,
            String display,
            BigDecimal valueNum,
            String valueText,
            String unit,
            String refRange,
            BigDecimal refLow,
            BigDecimal refHigh,
            String interpretation,
            ResultFlag flag,
            ResultStatus status,
            Instant observedAt) {

        /**
         * Whether a new revision would say anything this one does not: value, unit, range, flag, or status (a final
         * observation resent as "corrected" with the same value is not itself a correction).
         */
        boolean differsFrom(Observation other) {
            return !java.util.Objects.equals(valueText, other.valueText)
                    || !sameNumber(valueNum, other.valueNum)
                    || !java.util.Objects.equals(unit, other.unit)
                    || !java.util.Objects.equals(refRange, other.refRange)
                    || !java.util.Objects.equals(interpretation, other.interpretation)
                    || (status != other.status
                            && !(other.status == ResultStatus.FINAL && status == ResultStatus.CORRECTED));
        }

        private static boolean sameNumber(BigDecimal a, BigDecimal b) {
            return a == null ? b == null : b != null && a.compareTo(b) == 0;
        }
    }

    /** The worst flag of the observations. */
    ResultFlag flag() {
        ResultFlag worst = ResultFlag.NORMAL;
        for (Observation o : observations) {
            worst = worst.worst(o.flag());
        }
        return worst;
    }
}
