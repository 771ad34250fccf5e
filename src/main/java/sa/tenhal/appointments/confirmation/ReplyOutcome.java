package sa.tenhal.appointments.confirmation;

import sa.tenhal.patients.PatientId;

/**
 * What a patient's SMS or WhatsApp reply did, so that the answer can say so.
 *
 * @param result what happened
 * @param patientId whom to answer (null when the number is unknown: no answer is sent)
 * @param visit the appointment the reply concerned (the soonest pending one), if any
 * @param othersPending how many more of this number's appointments still await an answer
 */
public record ReplyOutcome(Result result, PatientId patientId, VisitFacts visit, int othersPending) {

    public enum Result {
        /** 1, yes or نعم: the soonest pending appointment is confirmed. */
        CONFIRMED,
        /** 2: the soonest pending appointment is cancelled. */
        DECLINED,
        /** Anything else from a number with a pending request: a short help text. */
        HELP,
        /** A known number with nothing pending. */
        NOTHING_PENDING,
        /** A number no request went to: no answer. */
        UNKNOWN
    }
}
