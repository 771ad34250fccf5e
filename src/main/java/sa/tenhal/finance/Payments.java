package sa.tenhal.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.FieldProblem;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.NotFoundException;

/**
 * The seed's PaymentService: receive and allocate payments (oldest open document first unless the caller says where),
 * keep what is left as the payer's credit, apply credit later, refund (never more than was paid; money paid on a
 * document comes back with a credit note). Documents are locked before they are paid, so payments racing for one
 * invoice never over-allocate it; the database's checks back this up.
 */
@Service
@Transactional
public class Payments {

    private final PaymentRecords payments;
    private final Allocations allocations;
    private final Refunds refunds;
    private final Invoices invoices;
    private final Billing billing;
    private final PackageActivation packages;
    private final ClinicTime time;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Payments(
            PaymentRecords payments,
            Allocations allocations,
            Refunds refunds,
            Invoices invoices,
            Billing billing,
            PackageActivation packages,
            ClinicTime time,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.payments = payments;
        this.allocations = allocations;
        this.refunds = refunds;
        this.invoices = invoices;
        this.billing = billing;
        this.packages = packages;
        this.time = time;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records a payment and allocates it. Refused with 422 and nothing recorded: a negative, zero or over-precise
     * amount, an insurer no invoice is billed to, allocations adding up to more than the payment, an allocation above
     * what is open on the document or to another payer's document.
     */
    public PaymentView receive(PaymentRequests.NewPayment request, UUID recordedBy) {
        return receive(request, recordedBy, null);
    }

    public PaymentView receive(PaymentRequests.NewPayment request, UUID recordedBy, UUID batchId) {
        BigDecimal amount = Sar.exact("amount", request.amount(), false);
        if ((request.patientId() == null) == (request.insurerId() == null)) {
            throw new InvalidFieldsException("patientId", "give either patientId or insurerId");
        }
        Payer payer = request.patientId() != null ? Payer.PATIENT : Payer.INSURER;
        if (request.method() == PaymentMethod.INSURANCE_REMITTANCE && payer != Payer.INSURER) {
            throw new InvalidFieldsException("insurerId", "an insurance remittance comes from an insurer");
        }
        if (payer == Payer.PATIENT) {
            billing.patient(request.patientId());
        } else if (!billedInsurer(request.insurerId())) {
            throw new InvalidFieldsException("insurerId", "no invoice is billed to this insurer");
        }
        if (request.transactionId() != null && transactionRecorded(request.method(), request.transactionId())) {
            throw (ConflictException) new ConflictException(
                            "duplicate-transaction",
                            "Transaction already recorded",
                            "A " + request.method() + " with transaction id " + request.transactionId()
                                    + " is recorded")
                    .with("transactionId", request.transactionId());
        }
        Payment payment = new Payment(
                payer,
                request.patientId(),
                request.insurerId(),
                request.method(),
                amount,
                blankToNull(request.reference()),
                blankToNull(request.transactionId()),
                time.now(),
                recordedBy,
                batchId,
                nextReceiptNumber());
        payments.save(payment);
        List<PaymentView.Allocation> made = new ArrayList<>();
        if (request.allocations() != null && !request.allocations().isEmpty()) {
            allocateAsAsked(payment, request.allocations(), made);
        } else {
            List<Invoice> open = payer == Payer.PATIENT
                    ? invoices.lockOpenOfPatient(request.patientId())
                    : lockOpenOfInsurer(request.insurerId());
            allocateOldestFirst(payment, open, made);
        }
        // Asked first: a patient's money beyond what is owed becomes credit only when the cashier said so (an
        // insurer's remittance, and an import, record what was sent; the import's report lists what was left over).
        BigDecimal left = payment.credit();
        if (left.signum() > 0
                && payer == Payer.PATIENT
                && batchId == null
                && !Boolean.TRUE.equals(request.acceptCredit())) {
            BigDecimal applied = amount.subtract(left);
            throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                            "acceptCredit",
                            "payment.aboveBalance",
                            "the payment of " + Sar.text(amount) + " SAR is more than the " + Sar.text(applied) + " SAR"
                                    + " it pays; " + Sar.text(left)
                                    + " SAR would become credit: send acceptCredit: true"
                                    + " to record it so")))
                    .with("applied", applied)
                    .with("credit", left);
        }
        payments.save(payment);
        events.publishEvent(new PaymentReceived(new PaymentId(payment.id()), time.now()));
        return payment.view(made);
    }

    /**
     * Insurers are known to Tenhal by the invoices billed to them (from a patient's coverage): money from any other
     * name is a typing error, and recorded it could never be allocated.
     */
    private boolean billedInsurer(String insurerId) {
        return jdbc.sql("select exists (select 1 from invoice where payer = 'INSURER' and insurer_id = :insurer)")
                .param("insurer", insurerId)
                .query(Boolean.class)
                .single();
    }

    private List<Invoice> lockOpenOfInsurer(String insurerId) {
        List<UUID> ids =
                jdbc.sql("""
                        select id from invoice where payer = 'INSURER' and insurer_id = :insurer and kind <> 'CREDIT_NOTE'
                          and status in ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE') order by issue_date, issued_at, id""").param("insurer", insurerId).query(UUID.class).list();
        List<Invoice> locked = new ArrayList<>(invoices.lockAll(ids));
        locked.sort(Comparator.comparing(Invoice::issuedAt).thenComparing(Invoice::id));
        return locked;
    }

    private void allocateAsAsked(
            Payment payment, List<PaymentRequests.Allocate> asked, List<PaymentView.Allocation> made) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal sum = Sar.ZERO;
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            PaymentRequests.Allocate a = asked.get(i);
            if (a.invoiceId() == null || !ids.add(a.invoiceId())) {
                problems.add(new FieldProblem("allocations[" + i + "].invoiceId", "is missing or repeated"));
                continue;
            }
            try {
                sum = sum.add(Sar.exact("allocations[" + i + "].amount", a.amount(), false));
            } catch (InvalidFieldsException e) {
                problems.addAll(e.errors());
            }
        }
        if (problems.isEmpty() && sum.compareTo(payment.amount()) > 0) {
            problems.add(new FieldProblem(
                    "allocations", "add up to " + Sar.text(sum) + ", more than the payment's " + payment.amount()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        Map<UUID, Invoice> locked = new LinkedHashMap<>();
        invoices.lockAll(ids).forEach(invoice -> locked.put(invoice.id(), invoice));
        for (int i = 0; i < asked.size(); i++) {
            PaymentRequests.Allocate a = asked.get(i);
            String field = "allocations[" + i + "]";
            Invoice invoice = locked.get(a.invoiceId());
            BigDecimal value = a.amount().setScale(2);
            if (invoice == null) {
                problems.add(new FieldProblem(field + ".invoiceId", "names no invoice"));
            } else if (!samePayer(payment, invoice)) {
                problems.add(new FieldProblem(
                        field + ".invoiceId",
                        payment.payer() == Payer.PATIENT
                                ? "is not this patient's invoice"
                                : "is not this insurer's invoice"));
            } else if (!invoice.payable()) {
                problems.add(FieldProblem.coded(
                        field + ".invoiceId", "allocation.notOpen", "is " + invoice.status() + ", not open"));
            } else if (value.compareTo(invoice.open()) > 0) {
                problems.add(FieldProblem.coded(
                        field + ".amount",
                        "allocation.aboveOwed",
                        "is above the " + Sar.text(invoice.open()) + " still owed on the invoice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        for (PaymentRequests.Allocate a : asked) {
            allocate(payment, locked.get(a.invoiceId()), a.amount().setScale(2), made);
        }
    }

    private static boolean samePayer(Payment payment, Invoice invoice) {
        if (payment.payer() != invoice.payer()) {
            return false;
        }
        return payment.payer() == Payer.PATIENT
                ? payment.patientId().equals(invoice.patientId())
                : payment.insurerId().equals(invoice.insurerId());
    }

    private void allocateOldestFirst(Payment payment, List<Invoice> open, List<PaymentView.Allocation> made) {
        for (Invoice invoice : open) {
            BigDecimal left = payment.credit();
            if (left.signum() == 0) {
                break;
            }
            BigDecimal value = left.min(invoice.open());
            if (value.signum() > 0) {
                allocate(payment, invoice, value, made);
            }
        }
    }

    private void allocate(Payment payment, Invoice invoice, BigDecimal value, List<PaymentView.Allocation> made) {
        invoice.allocate(value, time.today(), time.now());
        payment.allocated(value);
        allocations.save(new Allocation(payment.id(), invoice.id(), value, time.now()));
        invoices.save(invoice);
        packages.paid(invoice);
        made.add(new PaymentView.Allocation(new InvoiceId(invoice.id()), invoice.number(), value, Sar.ZERO));
    }

    /** Uses the patient's credit (oldest payments first) on their open documents (oldest first). */
    public AccountView applyCredit(PatientId patient) {
        billing.patient(patient.value());
        List<Payment> withCredit = payments.lockWithCredit(patient.value());
        List<Invoice> open = invoices.lockOpenOfPatient(patient.value());
        for (Payment payment : withCredit) {
            allocateOldestFirst(payment, open, new ArrayList<>());
            payments.save(payment);
        }
        // the account is summed in SQL: flush what JPA holds first
        payments.flush();
        return account(patient);
    }

    /**
     * Refunds from a payment. With an invoice: at most what this payment paid on it, and a credit note for the amount
     * is issued against the invoice. Without: at most the payment's unallocated credit. Above that: 422, nothing
     * changes.
     */
    public RefundView refund(PaymentId id, PaymentRequests.NewRefund request, UUID recordedBy) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidFieldsException(
                    List.of(FieldProblem.coded("reason", "refund.reasonRequired", "is required")));
        }
        BigDecimal asked = request.amount() == null ? null : Sar.exact("amount", request.amount(), false);
        Payment payment = payments.lock(id.value()).orElseThrow(() -> new NotFoundException("Payment", id));
        String reason = request.reason().strip();
        if (request.invoiceId() == null) {
            BigDecimal credit = payment.credit();
            BigDecimal amount = asked == null ? credit : asked;
            if (credit.signum() == 0 || amount.compareTo(credit) > 0) {
                throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                                "amount",
                                "refund.aboveCredit",
                                "is above the " + Sar.text(credit) + " of this payment that is not allocated;"
                                        + " name the invoice to refund what it paid there")))
                        .with("refundable", credit);
            }
            payment.refundCredit(amount);
            payments.save(payment);
            Refund refund = new Refund(payment.id(), null, null, amount, reason, time.now(), recordedBy);
            return refunds.save(refund).view();
        }
        Invoice invoice = invoices.lock(request.invoiceId())
                .orElseThrow(() -> new NotFoundException("Invoice", request.invoiceId()));
        List<Allocation> here = allocations.findByInvoiceIdOrderByAllocatedAtAscIdAsc(invoice.id()).stream()
                .filter(a -> a.paymentId().equals(payment.id()) && a.remaining().signum() > 0)
                .toList();
        BigDecimal paidHere = here.stream().map(Allocation::remaining).reduce(Sar.ZERO, BigDecimal::add);
        BigDecimal amount = asked == null ? paidHere : asked;
        if (paidHere.signum() == 0 || amount.compareTo(paidHere) > 0) {
            throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                            "amount",
                            "refund.aboveInvoice",
                            "is above the " + Sar.text(paidHere) + " this payment paid on invoice "
                                    + invoice.number())))
                    .with("refundable", paidHere);
        }
        return refundOnInvoice(invoice, here, amount, reason, recordedBy);
    }

    /** Refunds money paid on a document, from its most recent allocations back; one credit note for the amount. */
    RefundView refundOnInvoice(
            Invoice invoice, List<Allocation> oldestFirst, BigDecimal amount, String reason, UUID recordedBy) {
        Invoice note = invoice.creditNote(amount, "Refund: " + reason, time.now());
        invoice.refund(amount, time.today(), time.now());
        invoices.save(invoice);
        Invoice issued = billing.issue(invoices.save(note));
        Map<UUID, BigDecimal> perPayment = new LinkedHashMap<>();
        BigDecimal left = amount;
        List<Allocation> newestFirst = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        for (Allocation allocation : newestFirst) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(allocation.remaining());
            if (take.signum() > 0) {
                allocation.refund(take);
                allocations.save(allocation);
                perPayment.merge(allocation.paymentId(), take, BigDecimal::add);
                left = left.subtract(take);
            }
        }
        RefundView first = null;
        for (Map.Entry<UUID, BigDecimal> entry : perPayment.entrySet()) {
            Payment payment = payments.lock(entry.getKey()).orElseThrow();
            payment.refundAllocated(entry.getValue());
            payments.save(payment);
            RefundView view = refunds.save(new Refund(
                            payment.id(), invoice.id(), issued.id(), entry.getValue(), reason, time.now(), recordedBy))
                    .view();
            first = first == null ? view : first;
        }
        return first == null
                ? null
                : new RefundView(
                        first.id(),
                        first.payment(),
                        first.invoice(),
                        first.creditNote(),
                        amount,
                        reason,
                        first.refundedAt());
    }

    /** Refunds part of what was paid on a document, whichever payments paid it (packages refund this way). */
    RefundView refundOnInvoice(UUID invoiceId, BigDecimal amount, String reason, UUID recordedBy) {
        Invoice invoice = invoices.lock(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        List<Allocation> paid = allocations.findByInvoiceIdOrderByAllocatedAtAscIdAsc(invoiceId).stream()
                .filter(a -> a.remaining().signum() > 0)
                .toList();
        BigDecimal paidHere = paid.stream().map(Allocation::remaining).reduce(Sar.ZERO, BigDecimal::add);
        if (amount.compareTo(paidHere) > 0) {
            throw (InvalidFieldsException) new InvalidFieldsException(List.of(FieldProblem.coded(
                            "amount", "refund.abovePaid", "is above the " + Sar.text(paidHere) + " paid")))
                    .with("refundable", paidHere);
        }
        return refundOnInvoice(invoice, paid, amount, reason, recordedBy);
    }

    @Transactional(readOnly = true)
    public PaymentView find(PaymentId id) {
        Payment payment = payments.findById(id.value()).orElseThrow(() -> new NotFoundException("Payment", id));
        return view(payment);
    }

    @Transactional(readOnly = true)
    public List<PaymentView> ofPatient(PatientId patient) {
        return payments.findByPatientIdOrderByReceivedAtDescIdDesc(patient.value()).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<RefundView> refundsOf(PaymentId id) {
        return refunds.findByPaymentId(id.value()).stream().map(Refund::view).toList();
    }

    private PaymentView view(Payment payment) {
        List<PaymentView.Allocation> list = allocations.findByPaymentIdOrderByAllocatedAtAscIdAsc(payment.id()).stream()
                .map(a -> new PaymentView.Allocation(
                        new InvoiceId(a.invoiceId()),
                        invoices.findById(a.invoiceId()).map(Invoice::number).orElse(null),
                        a.amount(),
                        a.refunded()))
                .toList();
        return payment.view(list);
    }

    /** The patient's account: what was billed, credited, paid and refunded, what is owed and what is credit. */
    @Transactional(readOnly = true)
    public AccountView account(PatientId patient) {
        UUID id = patient.value();
        var documents = jdbc.sql("""
                        select coalesce(sum(total) filter (where kind <> 'CREDIT_NOTE'), 0) as invoiced,
                               coalesce(sum(total) filter (where kind = 'CREDIT_NOTE'), 0) as credited,
                               coalesce(sum(total - paid - credited) filter (where kind <> 'CREDIT_NOTE'), 0) as owed,
                               count(*) filter (where kind <> 'CREDIT_NOTE'
                                   and status in ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE')) as open_count
                        from invoice where patient_id = :patient and payer = 'PATIENT'
                          and status not in ('DRAFT', 'CANCELLED')""")
                .param("patient", id)
                .query((rs, n) -> new BigDecimal[] {
                    rs.getBigDecimal("invoiced"),
                    rs.getBigDecimal("credited"),
                    rs.getBigDecimal("owed"),
                    BigDecimal.valueOf(rs.getLong("open_count"))
                })
                .single();
        var money = jdbc.sql("""
                        select coalesce(sum(amount), 0) as paid, coalesce(sum(refunded), 0) as refunded,
                               coalesce(sum(amount - allocated - refunded), 0) as credit
                        from payment where patient_id = :patient and payer = 'PATIENT'""")
                .param("patient", id)
                .query((rs, n) -> new BigDecimal[] {
                    rs.getBigDecimal("paid"), rs.getBigDecimal("refunded"), rs.getBigDecimal("credit")
                })
                .single();
        BigDecimal invoiced = documents[0].setScale(2);
        BigDecimal credited = documents[1].setScale(2);
        BigDecimal paid = money[0].setScale(2);
        BigDecimal refunded = money[1].setScale(2);
        return new AccountView(
                id,
                invoiced,
                credited,
                paid,
                refunded,
                documents[2].setScale(2),
                money[2].setScale(2),
                invoiced.subtract(credited).subtract(paid).add(refunded),
                documents[3].longValue());
    }

    private boolean transactionRecorded(PaymentMethod method, String transactionId) {
        return jdbc.sql("select count(*) from payment where method = :method and transaction_id = :tx")
                        .param("method", method.name())
                        .param("tx", transactionId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The next receipt's number, {@code RCT-000001} (receipts are not tax documents: a rollback may leave a gap). */
    private String nextReceiptNumber() {
        long n = jdbc.sql("select nextval('receipt_number_seq')")
                .query(Long.class)
                .single();
        return "RCT-%06d".formatted(n);
    }
}
