package sa.tenhal.clinics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.clinics.*;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.Versions;

@RestController
@RequestMapping("/api/v1/clinics")
@Tag(name = "Clinics")
class ClinicsController {

    private static final Map<String, String> SORTS =
            Map.of("code", "code", "nameEn", "nameEn", "createdAt", "createdAt");

    private final ClinicCatalog catalog;
    private final CatalogAdministration admin;

    ClinicsController(ClinicCatalog catalog, CatalogAdministration admin) {
        this.catalog = catalog;
        this.admin = admin;
    }

    @GetMapping
    PagedModel<ClinicDetails> list(
            @RequestParam(required = false) String centre,
            @RequestParam(required = false) Boolean active,
            @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by("code"));
        return new PagedModel<>(catalog.clinics(centre, active, page));
    }

    @GetMapping("/{id}")
    ResponseEntity<ClinicDetails> get(@PathVariable UUID id) {
        ClinicDetails found = catalog.clinic(new ClinicId(id));
        return ResponseEntity.ok().eTag(Versions.etag(found.version())).body(found);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    ResponseEntity<ClinicDetails> create(@Valid @RequestBody ClinicForm form) {
        ClinicDetails created = admin.createClinic(form);
        return ResponseEntity.created(URI.create("/api/v1/clinics/" + created.id()))
                .eTag(Versions.etag(created.version()))
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Replace (If-Match required)")
    ResponseEntity<ClinicDetails> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ClinicForm form) {
        ClinicDetails updated = admin.updateClinic(new ClinicId(id), Versions.expected(ifMatch), form);
        return ResponseEntity.ok().eTag(Versions.etag(updated.version())).body(updated);
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Deactivate: hidden from booking, kept for history")
    ClinicDetails deactivate(@PathVariable UUID id) {
        return admin.setClinicActive(new ClinicId(id), false);
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    ClinicDetails activate(@PathVariable UUID id) {
        return admin.setClinicActive(new ClinicId(id), true);
    }
}
