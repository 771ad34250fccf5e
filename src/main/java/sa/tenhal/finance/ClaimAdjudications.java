package sa.tenhal.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.NotFoundException;

/**
 * Insurers' decisions on the claims for insurer invoices, recorded on the invoice (the NPHIES integration records them
 * as the {@code ClaimResponse}s arrive; the latest decision counts — a resubmission's replaces the first). The invoice
 * itself never changes: what is not approved is resubmitted or written off with a credit note, and the insurer's
 * money arrives as a payment ({@link Payments}).
 */
@Service
@Transactional
public class ClaimAdjudications {

    private final JdbcClient jdbc;
    private final Invoicing invoicing;

    ClaimAdjudications(JdbcClient jdbc, Invoicing invoicing) {
        this.jdbc = jdbc;
        this.invoicing = invoicing;
    }

    /**
     * Records the insurer's decision on an issued insurer invoice: 404 for no invoice, 409 when it is not an insurer's
     * issued invoice, or when {@code approved} is negative or above what was {@code claimed}.
     */
    public ClaimAdjudication record(
            InvoiceId invoiceId,
            ClaimOutcome outcome,
            String claimReference,
            BigDecimal claimed,
            BigDecimal approved,
            String reasons,
            Instant at) {
        InvoiceView invoice = invoicing.find(invoiceId);
        if (invoice.payer() != Payer.INSURER || invoice.status() == InvoiceStatus.DRAFT) {
            throw new ConflictException(
                    "not-an-insurer-invoice", "Not an insurer invoice", "only an issued insurer invoice is claimed");
        }
        if (approved != null && (approved.signum() < 0 || approved.compareTo(claimed) > 0)) {
            throw new ConflictException(
                    "approved-out-of-range",
                    "Approved amount out of range",
                    "approved must lie between 0 and the amount claimed");
        }
        jdbc.sql("insert into invoice_claim_adjudication (invoice_id, outcome, claim_reference, claimed, approved,"
                        + " reasons, recorded_at) values (:id, :outcome, :ref, :claimed, :approved, :reasons, :at) on"
                        + " conflict (invoice_id) do update set outcome = :outcome, claim_reference = :ref, claimed ="
                        + " :claimed, approved = :approved, reasons = :reasons, recorded_at = :at")
                .param("id", invoiceId.value())
                .param("outcome", outcome.name())
                .param("ref", claimReference)
                .param("claimed", claimed)
                .param("approved", approved)
                .param("reasons", reasons)
                .param("at", Timestamp.from(at))
                .update();
        return find(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    }

    @Transactional(readOnly = true)
    public Optional<ClaimAdjudication> find(InvoiceId invoiceId) {
        return jdbc.sql("select * from invoice_claim_adjudication where invoice_id = :id")
                .param("id", invoiceId.value())
                .query((rs, n) -> new ClaimAdjudication(
                        rs.getObject("invoice_id", UUID.class),
                        ClaimOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("claim_reference"),
                        rs.getBigDecimal("claimed"),
                        rs.getBigDecimal("approved"),
                        rs.getString("reasons"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .optional();
    }

    /** The invoices of an appointment (the patient's share and the insurer's), for a claim's patient share. */
    @Transactional(readOnly = true)
    public List<InvoiceView> invoicesOfAppointment(UUID appointmentId) {
        return invoicing.ofAppointment(appointmentId);
    }
}
