package sa.tenhal.clinics;

/**
 * The VAT category of a service as ZATCA codes it (UNCL5305). Healthcare services to Saudi citizens are zero-rated
 * regardless of this; finance applies that rule per patient.
 */
public enum VatCategory {
    /** S: standard rate, 15 %. */
    STANDARD,
    /** Z: zero-rated. */
    ZERO_RATED,
    /** E: exempt. */
    EXEMPT,
    /** O: outside the scope of VAT. */
    OUT_OF_SCOPE
}
