package sa.tenhal.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.finance.DocumentKind;
import sa.tenhal.finance.InvoiceId;
import sa.tenhal.finance.InvoiceRequests;
import sa.tenhal.finance.InvoiceStatus;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.finance.Invoicing;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1/invoices")
@Validated
@Tag(
        name = "Invoices",
        description = "Invoices with Saudi VAT, discounts, issuing with gapless numbers, credit and debit notes")
class InvoicesController {

    private static final Map<String, String> SORTS =
            Map.of("number", "number", "issueDate", "issueDate", "dueDate", "dueDate", "createdAt", "createdAt");

    private final Invoicing invoicing;
    private final PatientReads reads;

    InvoicesController(Invoicing invoicing, PatientReads reads) {
        this.reads = reads;
        this.invoicing = invoicing;
    }

    @PostMapping
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "Draft invoices for services (a walk-in); an insured patient gets one and their insurer another",
            description = "Prices from the catalogue; VAT 15 %, zero-rated (VATEX-SA-HEA) for a Saudi citizen's own"
                    + " share. Send Idempotency-Key to make a retry safe.")
    ResponseEntity<List<InvoiceView>> create(@Valid @RequestBody InvoiceRequests.NewInvoice form) {
        List<InvoiceView> made = invoicing.create(form);
        return ResponseEntity.created(
                        URI.create("/api/v1/invoices/" + made.get(0).id()))
                .body(made);
    }

    @GetMapping
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "List invoices and notes (sort: number, issueDate, dueDate, createdAt)")
    PagedModel<InvoiceView> list(
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) DocumentKind kind,
            @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by(Sort.Direction.DESC, "createdAt"));
        var found = invoicing.list(patientId, status, kind, page);
        reads.listed(
                "Invoice",
                "api:invoices",
                found.getContent().stream().map(InvoiceView::patientId).toList());
        return new PagedModel<>(found);
    }

    @GetMapping("/{id}")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "An invoice, credit note or debit note")
    InvoiceView get(@PathVariable UUID id) {
        InvoiceView invoice = invoicing.find(new InvoiceId(id));
        reads.viewed("Invoice", id, invoice.patientId(), "api:invoice");
        return invoice;
    }

    @GetMapping("/{id}/notes")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "The credit and debit notes issued against an invoice")
    List<InvoiceView> notes(@PathVariable UUID id) {
        List<InvoiceView> notes = invoicing.notesOf(new InvoiceId(id));
        reads.listed(
                "Invoice",
                "api:invoice-notes",
                notes.stream().map(InvoiceView::patientId).toList());
        return notes;
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "Issue a draft: it gets the next number of the centre's series and never changes again",
            description = "409 illegal-transition unless DRAFT")
    InvoiceView issue(@PathVariable UUID id) {
        return invoicing.issue(new InvoiceId(id));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "Cancel a draft (an issued invoice is corrected with a credit note instead)")
    InvoiceView cancel(@PathVariable UUID id) {
        return invoicing.cancel(new InvoiceId(id));
    }

    @PostMapping("/{id}/discount")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "Discount a draft's line or the whole invoice, by percent or amount, with a reason",
            description = "403 discount-above-limit when it exceeds the caller's role limit (receptionist 10 %,"
                    + " manager any; tenhal.finance.discount-limits)")
    InvoiceView discount(@PathVariable UUID id, @Valid @RequestBody InvoiceRequests.Discount discount) {
        return invoicing.discount(new InvoiceId(id), discount, FinanceRoles.current());
    }

    @PostMapping("/{id}/credit-notes")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(summary = "Issue a credit note reducing what is still owed (to give paid money back, refund it)")
    ResponseEntity<InvoiceView> creditNote(
            @PathVariable UUID id, @Valid @RequestBody InvoiceRequests.CreditNote request) {
        InvoiceView note = invoicing.creditNote(new InvoiceId(id), request);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + note.id()))
                .body(note);
    }

    @PostMapping("/{id}/debit-notes")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(summary = "Issue a debit note adding charges to an issued invoice")
    ResponseEntity<InvoiceView> debitNote(
            @PathVariable UUID id, @Valid @RequestBody InvoiceRequests.DebitNote request) {
        InvoiceView note = invoicing.debitNote(new InvoiceId(id), request);
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + note.id()))
                .body(note);
    }
}
