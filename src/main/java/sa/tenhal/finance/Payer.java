package sa.tenhal.finance;

/** Who is billed: the patient (or their guardian), or the patient's insurer for its share. */
public enum Payer {
    PATIENT,
    INSURER
}
