package sa.tenhal.finance;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Ids;
import sa.tenhal.platform.StoredRecord;

/**
 * An invoice, credit note or debit note (ZATCA: one document type, three type codes). A draft can take lines and
 * discounts and be cancelled; issuing gives it its number and freezes it. After that only what was paid and credited
 * moves, and the status follows from them.
 */
@Entity
@Table(name = "invoice")
class Invoice extends StoredRecord<Invoice> {

    @Id
    private UUID id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    @Enumerated(EnumType.STRING)
    private Payer payer;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private String centreCode;
    private String number;
    private UUID originalInvoiceId;
    private UUID appointmentId;
    private UUID packageId;
    private UUID patientId;
    private UUID clinicId;
    private UUID providerId;
    private String insurerId;
    private String insurerName;
    private String buyerName;
    private String buyerNationalId;
    private String reason;
    private BigDecimal discountAmount = Sar.ZERO;
    private BigDecimal discountPercent;
    private String discountReason;
    private BigDecimal lineExtension = Sar.ZERO;
    private BigDecimal discountTotal = Sar.ZERO;
    private BigDecimal taxableAmount = Sar.ZERO;
    private BigDecimal vatTotal = Sar.ZERO;
    private BigDecimal total = Sar.ZERO;
    private BigDecimal paid = Sar.ZERO;
    private BigDecimal credited = Sar.ZERO;
    // overdue reminders issued (published as InvoiceOverdue); whether each left is the delivery log's to say
    private int remindersIssued;
    private LocalDate serviceDate;
    private LocalDate issueDate;
    private Instant issuedAt;
    private LocalDate dueDate;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "invoice_id", insertable = false, updatable = false)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {}

    /** Who the document is for and what it is about; lines come next. */
    record Header(
            DocumentKind kind,
            Payer payer,
            String centreCode,
            UUID patientId,
            UUID clinicId,
            UUID providerId,
            UUID appointmentId,
            UUID packageId,
            String insurerId,
            String insurerName,
            String buyerName,
            String buyerNationalId,
            LocalDate serviceDate) {}

    static Invoice draft(Header header, Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = Ids.newId();
        invoice.kind = header.kind();
        invoice.payer = header.payer();
        invoice.status = InvoiceStatus.DRAFT;
        invoice.centreCode = header.centreCode();
        invoice.patientId = header.patientId();
        invoice.clinicId = header.clinicId();
        invoice.providerId = header.providerId();
        invoice.appointmentId = header.appointmentId();
        invoice.packageId = header.packageId();
        invoice.insurerId = header.insurerId();
        invoice.insurerName = header.insurerName();
        invoice.buyerName = header.buyerName();
        invoice.buyerNationalId = header.buyerNationalId();
        invoice.serviceDate = header.serviceDate();
        invoice.createdAt = now;
        invoice.updatedAt = now;
        return invoice;
    }

    /**
     * A credit note for part or all of this document's VAT-inclusive total: one line per original line, sharing the
     * amount in proportion to the lines' totals (the largest line takes the rounding remainder), each split back into
     * net and VAT at the line's own rate, so the note's total is exactly the amount.
     */
    Invoice creditNote(BigDecimal amount, String reason, Instant now) {
        Invoice note = noteOf(DocumentKind.CREDIT_NOTE, reason, now);
        List<InvoiceLine> priced =
                lines.stream().filter(l -> l.total().signum() > 0).toList();
        if (priced.isEmpty()) {
            throw new IllegalStateException("nothing to credit");
        }
        InvoiceLine largest =
                priced.stream().max(Comparator.comparing(InvoiceLine::total)).orElseThrow();
        BigDecimal shared = Sar.ZERO;
        List<BigDecimal> shares = new ArrayList<>();
        for (InvoiceLine line : priced) {
            BigDecimal share = Sar.round(amount.multiply(line.total()).divide(total, 10, RoundingMode.HALF_UP));
            shares.add(share);
            shared = shared.add(share);
        }
        int position = 1;
        for (int i = 0; i < priced.size(); i++) {
            InvoiceLine line = priced.get(i);
            BigDecimal share = shares.get(i);
            if (line == largest) {
                share = share.add(amount.subtract(shared));
            }
            if (share.signum() > 0) {
                note.lines.add(InvoiceLine.inclusive(note.id, position++, line, share, "Credit: ", "إشعار دائن: "));
            }
        }
        note.sumUp();
        return note;
    }

    /** A debit note: an amount added to this document, with its own lines, payable on its own. */
    Invoice debitNote(String reason, Instant now) {
        return noteOf(DocumentKind.DEBIT_NOTE, reason, now);
    }

    private Invoice noteOf(DocumentKind noteKind, String reason, Instant now) {
        // notes refer to an issued invoice; a debit note can itself be credited (money paid on it refunded)
        boolean refersToNote = kind == DocumentKind.CREDIT_NOTE
                || (kind == DocumentKind.DEBIT_NOTE && noteKind != DocumentKind.CREDIT_NOTE);
        if (refersToNote || status == InvoiceStatus.DRAFT || status == InvoiceStatus.CANCELLED) {
            throw ConflictException.illegalTransition(
                    kind.name().toLowerCase().replace('_', ' '), status, "add a note to");
        }
        Invoice note = draft(
                new Header(
                        noteKind,
                        payer,
                        centreCode,
                        patientId,
                        clinicId,
                        providerId,
                        null,
                        null,
                        insurerId,
                        insurerName,
                        buyerName,
                        buyerNationalId,
                        serviceDate),
                now);
        note.originalInvoiceId = id;
        note.reason = reason;
        return note;
    }

    void addLine(
            UUID serviceId,
            String descriptionEn,
            String descriptionAr,
            int quantity,
            BigDecimal unitPrice,
            VatTreatment treatment,
            Instant now) {
        requireDraft("change");
        lines.add(new InvoiceLine(
                id, lines.size() + 1, serviceId, descriptionEn, descriptionAr, quantity, unitPrice, treatment));
        recalculate(now);
    }

    /** A line's discount (position from 1), or with position null the invoice's; replaces an earlier one. */
    void discount(Integer position, BigDecimal percent, BigDecimal amount, String reason, Instant now) {
        requireDraft("discount");
        if (position == null) {
            this.discountPercent = percent;
            this.discountAmount = amount;
            this.discountReason = reason;
        } else {
            line(position).discount(percent, amount, reason);
        }
        recalculate(now);
    }

    /** What a discount is taken from: the line's gross, or for the whole invoice the lines after their discounts. */
    BigDecimal discountBase(Integer position) {
        if (position == null) {
            return lines.stream().map(InvoiceLine::afterLineDiscount).reduce(Sar.ZERO, BigDecimal::add);
        }
        return line(position).gross();
    }

    private InvoiceLine line(int position) {
        return lines.stream()
                .filter(l -> l.position() == position)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + position));
    }

    private void recalculate(Instant now) {
        BigDecimal base = discountBase(null);
        BigDecimal invoiceDiscount = discountPercent != null
                ? Sar.percentOf(base, discountPercent)
                : discountAmount == null ? Sar.ZERO : discountAmount;
        if (invoiceDiscount.compareTo(base) > 0) {
            throw new IllegalArgumentException("discount above the invoice amount");
        }
        // Share the invoice discount over the lines in proportion to their amounts; the largest line takes the
        // rounding remainder, so the shares add up to the discount exactly and no line goes below zero.
        InvoiceLine largest = lines.stream()
                .max(Comparator.comparing(InvoiceLine::afterLineDiscount))
                .orElse(null);
        BigDecimal shared = Sar.ZERO;
        for (InvoiceLine line : lines) {
            BigDecimal share = base.signum() == 0
                    ? Sar.ZERO
                    : Sar.round(
                            invoiceDiscount.multiply(line.afterLineDiscount()).divide(base, 10, RoundingMode.HALF_UP));
            if (line != largest) {
                line.priceAt(line.afterLineDiscount(), share);
                shared = shared.add(share);
            }
        }
        if (largest != null) {
            largest.priceAt(largest.afterLineDiscount(), invoiceDiscount.subtract(shared));
        }
        this.discountAmount = invoiceDiscount;
        sumUp();
        this.updatedAt = now;
    }

    private void sumUp() {
        lineExtension = lines.stream().map(InvoiceLine::gross).reduce(Sar.ZERO, BigDecimal::add);
        discountTotal =
                lineExtension.subtract(lines.stream().map(InvoiceLine::net).reduce(Sar.ZERO, BigDecimal::add));
        taxableAmount = lines.stream().map(InvoiceLine::net).reduce(Sar.ZERO, BigDecimal::add);
        vatTotal = lines.stream().map(InvoiceLine::vat).reduce(Sar.ZERO, BigDecimal::add);
        total = taxableAmount.add(vatTotal);
    }

    void issue(String number, LocalDate today, int paymentDays, Instant now) {
        requireDraft("issue");
        if (lines.isEmpty()) {
            throw new ConflictException("empty-invoice", "Empty invoice", "An invoice without lines cannot be issued");
        }
        this.number = number;
        this.issueDate = today;
        this.issuedAt = now;
        this.dueDate = kind == DocumentKind.CREDIT_NOTE ? today : today.plusDays(paymentDays);
        this.status = InvoiceStatus.ISSUED;
        refresh(today, now);
    }

    void cancel(Instant now) {
        requireDraft("cancel");
        this.status = InvoiceStatus.CANCELLED;
        this.updatedAt = now;
    }

    /** What remains to be paid. */
    BigDecimal open() {
        if (kind == DocumentKind.CREDIT_NOTE || !status.open()) {
            return Sar.ZERO;
        }
        return total.subtract(paid).subtract(credited);
    }

    boolean payable() {
        return kind != DocumentKind.CREDIT_NOTE && status.open();
    }

    void allocate(BigDecimal amount, LocalDate today, Instant now) {
        if (!payable()) {
            throw ConflictException.illegalTransition("invoice", status, "pay");
        }
        if (amount.compareTo(open()) > 0) {
            throw new IllegalArgumentException("allocation above the open amount");
        }
        paid = paid.add(amount);
        refresh(today, now);
    }

    /** Money paid on this document goes back: it is credited (by the credit note the refund issues). */
    void refund(BigDecimal amount, LocalDate today, Instant now) {
        if (amount.compareTo(paid) > 0) {
            throw new IllegalArgumentException("refund above what was paid");
        }
        paid = paid.subtract(amount);
        credited = credited.add(amount);
        refresh(today, now);
    }

    /** A credit note without a refund reduces what is still owed. */
    void credit(BigDecimal amount, LocalDate today, Instant now) {
        if (amount.compareTo(open()) > 0) {
            throw new IllegalArgumentException("credit above the open amount");
        }
        credited = credited.add(amount);
        refresh(today, now);
    }

    /** Past due and still open: OVERDUE. Returns whether reminder number {@code remindersIssued + 1} is due. */
    boolean checkOverdue(LocalDate today, List<Integer> reminderDays, Instant now) {
        refresh(today, now);
        if (status != InvoiceStatus.OVERDUE || remindersIssued >= reminderDays.size()) {
            return false;
        }
        long daysPast = today.toEpochDay() - dueDate.toEpochDay();
        if (daysPast >= reminderDays.get(remindersIssued)) {
            remindersIssued++;
            return true;
        }
        return false;
    }

    int remindersIssued() {
        return remindersIssued;
    }

    private void refresh(LocalDate today, Instant now) {
        this.updatedAt = now;
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.CANCELLED) {
            return;
        }
        if (kind == DocumentKind.CREDIT_NOTE) {
            status = InvoiceStatus.ISSUED;
        } else if (credited.signum() > 0 && credited.compareTo(total) == 0) {
            status = InvoiceStatus.CREDITED;
        } else if (total.subtract(paid).subtract(credited).signum() == 0) {
            status = InvoiceStatus.PAID;
        } else if (dueDate != null && today.isAfter(dueDate)) {
            status = InvoiceStatus.OVERDUE;
        } else if (paid.signum() > 0) {
            status = InvoiceStatus.PARTIALLY_PAID;
        } else {
            status = InvoiceStatus.ISSUED;
        }
    }

    private void requireDraft(String action) {
        if (status != InvoiceStatus.DRAFT) {
            throw (ConflictException) ConflictException.illegalTransition("invoice", status, action)
                    .with("detail", "an issued invoice never changes; correct it with a credit or debit note");
        }
    }

    UUID id() {
        return id;
    }

    DocumentKind kind() {
        return kind;
    }

    Payer payer() {
        return payer;
    }

    InvoiceStatus status() {
        return status;
    }

    String centreCode() {
        return centreCode;
    }

    String number() {
        return number;
    }

    UUID patientId() {
        return patientId;
    }

    UUID packageId() {
        return packageId;
    }

    String insurerId() {
        return insurerId;
    }

    BigDecimal total() {
        return total;
    }

    BigDecimal paid() {
        return paid;
    }

    BigDecimal credited() {
        return credited;
    }

    BigDecimal vatTotal() {
        return vatTotal;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    List<InvoiceLine> lines() {
        return lines;
    }

    InvoiceView view() {
        return new InvoiceView(
                new InvoiceId(id),
                kind,
                payer,
                status,
                centreCode,
                number,
                originalInvoiceId == null ? null : new InvoiceId(originalInvoiceId),
                appointmentId,
                packageId == null ? null : new PackageId(packageId),
                patientId,
                clinicId,
                providerId,
                insurerId,
                insurerName,
                buyerName,
                buyerNationalId,
                reason,
                discountAmount,
                discountPercent,
                discountReason,
                lineExtension,
                discountTotal,
                taxableAmount,
                vatTotal,
                total,
                paid,
                credited,
                kind == DocumentKind.CREDIT_NOTE
                        ? Sar.ZERO
                        : total.subtract(paid).subtract(credited),
                serviceDate,
                issueDate,
                issuedAt,
                dueDate,
                lines.stream().map(InvoiceLine::view).toList(),
                version);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
