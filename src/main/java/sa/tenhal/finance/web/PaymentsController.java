package sa.tenhal.finance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.finance.AccountView;
import sa.tenhal.finance.PaymentId;
import sa.tenhal.finance.PaymentRequests;
import sa.tenhal.finance.PaymentView;
import sa.tenhal.finance.Payments;
import sa.tenhal.finance.RefundView;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.PatientReads;

@RestController
@Validated
@Tag(name = "Payments", description = "Payments, allocation, credit balance, refunds")
class PaymentsController {

    private final Payments payments;
    private final PatientReads reads;

    PaymentsController(Payments payments, PatientReads reads) {
        this.reads = reads;
        this.payments = payments;
    }

    @PostMapping("/api/v1/payments")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(
            summary = "Record a payment and allocate it (oldest open invoice first unless allocations are given)",
            description = "Cash, card, mada, bank transfer, insurance remittance. What is not allocated becomes the"
                    + " payer's credit. Send Idempotency-Key: a retry returns the first answer. 422 for a negative,"
                    + " zero or over-precise amount, an allocation above what is owed or to another patient's invoice;"
                    + " nothing is recorded then.")
    ResponseEntity<PaymentView> receive(@Valid @RequestBody PaymentRequests.NewPayment request) {
        PaymentView payment = payments.receive(request, Actor.currentUserId());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                .body(payment);
    }

    @GetMapping("/api/v1/payments/{id}")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "A payment with its allocations")
    PaymentView get(@PathVariable UUID id) {
        PaymentView payment = payments.find(new PaymentId(id));
        reads.viewed("Payment", id, payment.patientId(), "api:payment");
        return payment;
    }

    @PostMapping("/api/v1/payments/{id}/refunds")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(
            summary = "Refund from a payment: what it paid on an invoice (a credit note is issued) or its credit",
            description = "Without amount: all of it. 422 when the amount is above what can be refunded.")
    ResponseEntity<RefundView> refund(@PathVariable UUID id, @Valid @RequestBody PaymentRequests.NewRefund request) {
        RefundView refund = payments.refund(new PaymentId(id), request, Actor.currentUserId());
        return ResponseEntity.status(201).body(refund);
    }

    @GetMapping("/api/v1/payments/{id}/refunds")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "The refunds from a payment")
    List<RefundView> refunds(@PathVariable UUID id) {
        List<RefundView> refunds = payments.refundsOf(new PaymentId(id));
        reads.viewed("Payment", id, payments.find(new PaymentId(id)).patientId(), "api:payment-refunds");
        return refunds;
    }

    @GetMapping("/api/v1/patients/{id}/account")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "A patient's account: invoiced, credited, paid, refunded, owed, credit and balance")
    AccountView account(@PathVariable UUID id) {
        AccountView account = payments.account(new PatientId(id));
        reads.viewed("Account", id, id, "api:account");
        return account;
    }

    @GetMapping("/api/v1/patients/{id}/payments")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "A patient's payments, newest first")
    List<PaymentView> ofPatient(@PathVariable UUID id) {
        List<PaymentView> found = payments.ofPatient(new PatientId(id));
        reads.viewed("Account", id, id, "api:patient-payments");
        return found;
    }

    @PostMapping("/api/v1/patients/{id}/account/apply-credit")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "Use the patient's credit on their open invoices, oldest first")
    AccountView applyCredit(@PathVariable UUID id) {
        return payments.applyCredit(new PatientId(id));
    }
}
