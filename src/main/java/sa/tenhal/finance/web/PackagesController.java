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
import sa.tenhal.finance.PackageDefinitionView;
import sa.tenhal.finance.PackageId;
import sa.tenhal.finance.PackageRequests;
import sa.tenhal.finance.Packages;
import sa.tenhal.finance.PatientPackageView;
import sa.tenhal.finance.RefundView;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.PatientReads;

@RestController
@Validated
@Tag(name = "Packages", description = "Session packages: definitions, purchase, balance, pro-rata refund")
class PackagesController {

    private final Packages packages;
    private final PatientReads reads;

    PackagesController(Packages packages, PatientReads reads) {
        this.packages = packages;
        this.reads = reads;
    }

    @PostMapping("/api/v1/package-definitions")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(summary = "Define a package: covered services, sessions, price before VAT, validity in days")
    ResponseEntity<PackageDefinitionView> define(@Valid @RequestBody PackageRequests.Definition form) {
        PackageDefinitionView view = packages.define(form);
        return ResponseEntity.created(URI.create("/api/v1/package-definitions/" + view.id()))
                .body(view);
    }

    @GetMapping("/api/v1/package-definitions")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "The packages for sale")
    List<PackageDefinitionView> definitions() {
        return packages.definitions();
    }

    @PostMapping("/api/v1/packages")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "Sell a package to a patient: its invoice is issued; the package is active once paid")
    ResponseEntity<PatientPackageView> purchase(@Valid @RequestBody PackageRequests.Purchase request) {
        PatientPackageView view = packages.purchase(request);
        return ResponseEntity.created(URI.create("/api/v1/packages/" + view.id()))
                .body(view);
    }

    @GetMapping("/api/v1/packages/{id}")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "A patient's package and its balance of sessions")
    PatientPackageView get(@PathVariable UUID id) {
        PatientPackageView found = packages.find(new PackageId(id));
        reads.viewed("PatientPackage", id, found.patientId(), "api:package");
        return found;
    }

    @GetMapping("/api/v1/patients/{id}/packages")
    @PreAuthorize(FinanceRoles.CASHIERS)
    @Operation(summary = "A patient's packages")
    List<PatientPackageView> ofPatient(@PathVariable UUID id) {
        List<PatientPackageView> found = packages.ofPatient(new PatientId(id));
        reads.viewed("Account", id, id, "api:patient-packages");
        return found;
    }

    @PostMapping("/api/v1/packages/{id}/refund")
    @PreAuthorize(FinanceRoles.FINANCE)
    @Operation(summary = "Refund the unused sessions of an active package pro rata (a credit note is issued)")
    ResponseEntity<RefundView> refund(@PathVariable UUID id, @Valid @RequestBody PackageRequests.Refund request) {
        return ResponseEntity.status(201)
                .body(packages.refund(new PackageId(id), request.reason(), Actor.currentUserId()));
    }
}
