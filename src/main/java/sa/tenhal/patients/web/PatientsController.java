package sa.tenhal.patients.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.patients.PatientSummaries;
import sa.tenhal.patients.PatientSummary;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.Versions;

@RestController
@RequestMapping("/api/v1/patients")
@Validated
@Tag(name = "Patients", description = "Registration, search, archive, merge and the patient summary")
class PatientsController {

    static final String STAFF = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE', 'FINANCE')";
    static final String REGISTRARS = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'NURSE')";
    private static final Map<String, String> SORTS = Map.of(
            "mrn",
            "mrn",
            "familyNameEn",
            "familyNameEn",
            "familyNameAr",
            "familyNameAr",
            "birthDate",
            "birthDate",
            "createdAt",
            "createdAt");

    private final PatientRegistry registry;
    private final PatientSummaries summaries;
    private final String defaultCentre;

    PatientsController(
            PatientRegistry registry,
            PatientSummaries summaries,
            @Value("${tenhal.centre.code}") String defaultCentre) {
        this.registry = registry;
        this.summaries = summaries;
        this.defaultCentre = defaultCentre;
    }

    @PostMapping
    @PreAuthorize(REGISTRARS)
    @Operation(
            summary = "Register a patient and open their file at the centre",
            description =
                    "409 duplicate-patient when the identity document is registered; 409 possible-duplicates"
                            + " (with candidates) for the same name and birth date or mobile, unless acknowledgeDuplicates=true")
    ResponseEntity<PatientDetails> register(
            @Valid @RequestBody PatientForm form,
            @RequestParam(defaultValue = "false") boolean acknowledgeDuplicates,
            @Parameter(description = "centre whose file is opened; default the configured centre")
                    @RequestParam(required = false)
                    String centre) {
        PatientDetails patient =
                registry.register(form, acknowledgeDuplicates, centre == null ? defaultCentre : centre);
        return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id()))
                .eTag(Versions.etag(patient.version()))
                .body(patient);
    }

    @GetMapping
    @PreAuthorize(STAFF)
    @Operation(summary = "List patients by status (sort: mrn, familyNameEn, familyNameAr, birthDate, createdAt)")
    PagedModel<PatientDetails> list(
            @RequestParam(defaultValue = "ACTIVE") PatientStatus status, @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by("familyNameEn", "givenNameEn"));
        return new PagedModel<>(registry.list(status, page));
    }

    @GetMapping("/search")
    @PreAuthorize(STAFF)
    @Operation(
            summary = "Search active patients",
            description =
                    "q: a name (Arabic or English, partial), phone, record or identity number, told apart by shape;"
                            + " or name/phone/mrn/identity to say which. Answers in the patient list's shape:"
                            + " content (patients as GET /patients gives them) and page (size, number; hasMore instead"
                            + " of totals, since a search does not count)")
    SearchAnswer search(
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 100) String name,
            @RequestParam(required = false) @Size(max = 30) String phone,
            @RequestParam(required = false) @Size(max = 20) String mrn,
            @RequestParam(required = false) @Size(max = 20) String identity,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PatientRegistry.SearchPage found = registry.search(q, name, phone, mrn, identity, page, size);
        return new SearchAnswer(
                registry.detailsOf(found.content()),
                new SearchAnswer.PageInfo(found.size(), found.page(), found.hasMore()));
    }

    /** A search's answer: the same {@code content} and {@code page} as the patient list. */
    record SearchAnswer(List<PatientDetails> content, PageInfo page) {

        record PageInfo(int size, int number, boolean hasMore) {}
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    @Operation(summary = "A patient's details (audited)")
    ResponseEntity<PatientDetails> get(@PathVariable UUID id) {
        PatientDetails patient = registry.view(new PatientId(id));
        return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
    }

    @PutMapping("/{id}")
    @PreAuthorize(REGISTRARS)
    @Operation(summary = "Replace a patient's details (If-Match required)")
    ResponseEntity<PatientDetails> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PatientForm form) {
        PatientDetails patient = registry.update(new PatientId(id), Versions.expected(ifMatch), form);
        return ResponseEntity.ok().eTag(Versions.etag(patient.version())).body(patient);
    }

    @GetMapping("/{id}/summary")
    @PreAuthorize(STAFF)
    @Operation(summary = "Everything about a patient on one page (audited)")
    PatientSummary summary(@PathVariable UUID id) {
        return summaries.summary(new PatientId(id));
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {}

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Archive: out of search and booking, history kept, restorable")
    PatientDetails archive(@PathVariable UUID id, @Valid @RequestBody Reason request) {
        return registry.archive(new PatientId(id), request.reason());
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    PatientDetails restore(@PathVariable UUID id) {
        return registry.restore(new PatientId(id));
    }

    record Merge(@NotNull UUID mergedPatientId) {}

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Merge a duplicate into this patient, who keeps every reference")
    PatientDetails merge(@PathVariable UUID id, @Valid @RequestBody Merge request) {
        return registry.merge(new PatientId(id), new PatientId(request.mergedPatientId()));
    }
}
