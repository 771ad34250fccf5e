package sa.tenhal.clinics.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.platform.Versions;

@RestController
@RequestMapping("/api/v1/centres")
@Tag(name = "Centres", description = "Sites of the clinic group, with their tax identity and address")
class CentresController {

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;

    CentresController(ClinicCatalog catalog, CatalogAdministration admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GetMapping
    List<CentreDetails> list() {
        return catalog.centres();
    }

    @GetMapping("/{code}")
    ResponseEntity<CentreDetails> get(@PathVariable String code) {
        CentreDetails centre = catalog.centre(code);
        return ResponseEntity.ok().eTag(Versions.etag(centre.version())).body(centre);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CentreDetails> create(@Valid @RequestBody CentreForm form) {
        CentreDetails centre = admin.createCentre(form);
        return ResponseEntity.created(URI.create("/api/v1/centres/" + centre.code()))
                .eTag(Versions.etag(centre.version()))
                .body(centre);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CentreDetails> update(
            @PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CentreForm form) {
        CentreDetails centre = admin.updateCentre(code, Versions.expected(ifMatch), form);
        return ResponseEntity.ok().eTag(Versions.etag(centre.version())).body(centre);
    }
}
