package sa.tenhal.integrations.zatca.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.integrations.zatca.Onboarding;
import sa.tenhal.integrations.zatca.UnitView;

/** Onboarding a centre's e-invoicing unit with ZATCA, step by step (ADMIN). Keys and secrets are never shown. */
@RestController
@RequestMapping("/api/v1/zatca/units")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "ZATCA", description = "E-invoicing phase 2: the inspector, the EGS unit, submissions")
class ZatcaUnitsController {

    record NewKey(String branch) {}

    record Otp(String otp) {}

    private final Onboarding onboarding;

    ZatcaUnitsController(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    @GetMapping
    @Operation(summary = "Every centre's unit: state, certificate and its validity, next ICV")
    List<UnitView> list() {
        return onboarding.all();
    }

    @GetMapping("/{centre}")
    @Operation(summary = "A centre's unit")
    UnitView get(@PathVariable String centre) {
        return onboarding.view(centre);
    }

    @PostMapping("/{centre}/keys")
    @Operation(
            summary = "Step 1: a new secp256k1 key and CSR from the centre's registration data",
            description = "VAT number, CR number, branch, address, industry; serial number 1-Tenhal|2-<version>|3-<unit"
                    + " uuid>; the environment's certificate template. 409 once the unit is in production (renew).")
    UnitView generate(@PathVariable String centre, @RequestBody(required = false) NewKey body) {
        return onboarding.generate(centre, body == null ? null : body.branch());
    }

    @PostMapping("/{centre}/compliance-csid")
    @Operation(summary = "Step 2: the compliance CSID for the 6-digit OTP from ZATCA's Fatoora portal")
    UnitView complianceCsid(@PathVariable String centre, @RequestBody Otp body) {
        return onboarding.complianceCsid(centre, body == null ? null : body.otp());
    }

    @PostMapping("/{centre}/compliance-checks")
    @Operation(summary = "Step 3: a signed sample of each document type through ZATCA's compliance checks")
    UnitView complianceChecks(@PathVariable String centre) {
        return onboarding.complianceChecks(centre);
    }

    @PostMapping("/{centre}/production-csid")
    @Operation(summary = "Step 4: the production CSID (after the compliance checks passed)")
    UnitView productionCsid(@PathVariable String centre) {
        return onboarding.productionCsid(centre);
    }

    @PostMapping("/{centre}/renewal")
    @Operation(summary = "Renew the production CSID with a new key, CSR and OTP; the chain goes on")
    UnitView renew(@PathVariable String centre, @RequestBody Otp body) {
        return onboarding.renew(centre, body == null ? null : body.otp());
    }
}
