package sa.tenhal.integrations.nphies.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.integrations.nphies.PayerAdministration;
import sa.tenhal.integrations.nphies.PayerAdministration.PayerView;
import sa.tenhal.integrations.nphies.PayerForm;

/**
 * The NPHIES payers (insurers and TPAs) and the services each authorises first. Finance, managers and admins read;
 * managers and admins change (as the catalogue: docs/nphies.md, "Payers").
 */
@RestController
@RequestMapping("/api/v1/nphies/payers")
@Tag(name = "NPHIES payers")
class PayersController {

    private final PayerAdministration admin;

    PayersController(PayerAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    @PreAuthorize(PayerPages.READERS)
    @Operation(summary = "Every payer, active or not, with its prior-authorisation rules")
    List<PayerView> list() {
        return admin.all();
    }

    @GetMapping("/{payerId}")
    @PreAuthorize(PayerPages.READERS)
    PayerView get(@PathVariable String payerId) {
        return admin.get(payerId);
    }

    @PostMapping
    @PreAuthorize(PayerPages.EDITORS)
    @Operation(summary = "Add a payer; 409 duplicate-payer-id or duplicate-payer-licence (field: licence)")
    ResponseEntity<PayerView> create(@Valid @RequestBody PayerForm form) {
        PayerView created = admin.create(form);
        return ResponseEntity.created(URI.create("/api/v1/nphies/payers/" + created.payerId()))
                .body(created);
    }

    @PutMapping("/{payerId}")
    @PreAuthorize(PayerPages.EDITORS)
    @Operation(summary = "Replace a payer's details (its id stays; active omitted: unchanged)")
    PayerView update(@PathVariable String payerId, @RequestBody PayerForm form) {
        // validated by the service, which fills in the id from the path first
        return admin.update(payerId, form);
    }

    @PostMapping("/{payerId}/deactivate")
    @PreAuthorize(PayerPages.EDITORS)
    @Operation(summary = "Deactivate: no message is sent to the payer; kept for the claims and coverages naming it")
    PayerView deactivate(@PathVariable String payerId) {
        return admin.setActive(payerId, false);
    }

    @PostMapping("/{payerId}/activate")
    @PreAuthorize(PayerPages.EDITORS)
    PayerView activate(@PathVariable String payerId) {
        return admin.setActive(payerId, true);
    }

    @GetMapping("/{payerId}/prior-auth-rules")
    @PreAuthorize(PayerPages.READERS)
    @Operation(summary = "The billing codes of the services the payer authorises first ('*': every service)")
    List<String> rules(@PathVariable String payerId) {
        return admin.get(payerId).priorAuthRules();
    }

    @PostMapping("/{payerId}/prior-auth-rules")
    @PreAuthorize(PayerPages.EDITORS)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "The payer authorises this service first, from the next booking; 409 duplicate-prior-auth-rule")
    PayerView addRule(@PathVariable String payerId, @Valid @RequestBody PayerForm.Rule rule) {
        return admin.addRule(payerId, rule);
    }

    @DeleteMapping("/{payerId}/prior-auth-rules/{billingCode}")
    @PreAuthorize(PayerPages.EDITORS)
    @Operation(summary = "Remove a rule; 404 when the payer has none for the code")
    PayerView removeRule(@PathVariable String payerId, @PathVariable String billingCode) {
        return admin.removeRule(payerId, billingCode);
    }
}
