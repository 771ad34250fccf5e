package sa.tenhal.finance;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A patient's account in SAR: {@code balance = invoiced − credited − paid + refunded}, which always equals {@code owed
 * − credit}. Positive: the patient owes; negative: the centre holds the patient's money.
 *
 * @param invoiced issued invoices and debit notes billed to the patient (not their insurer)
 * @param credited credit notes on them
 * @param paid payments received from the patient
 * @param refunded refunds to the patient
 * @param owed what is still open on their documents
 * @param credit money received and not yet allocated, usable later
 */
public record AccountView(
        UUID patientId,
        BigDecimal invoiced,
        BigDecimal credited,
        BigDecimal paid,
        BigDecimal refunded,
        BigDecimal owed,
        BigDecimal credit,
        BigDecimal balance,
        long openInvoices) {}
