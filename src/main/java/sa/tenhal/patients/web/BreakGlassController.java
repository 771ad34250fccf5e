package sa.tenhal.patients.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.patients.BreakGlass;
import sa.tenhal.patients.BreakGlassAccess;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1/break-glass")
@Tag(
        name = "Break the glass",
        description = "A clinician opens a patient outside their care team with a reason; managers review every one")
class BreakGlassController {

    static final String REVIEWERS = "hasAnyRole('ADMIN', 'MANAGER')";

    private final BreakGlass breakGlass;
    private final PatientReads reads;

    BreakGlassController(BreakGlass breakGlass, PatientReads reads) {
        this.breakGlass = breakGlass;
        this.reads = reads;
    }

    /** Name the patient by id or by record number, and say why. */
    record Request(
            UUID patientId,
            @Size(max = 20) String mrn,
            @NotBlank @Size(max = 500) String reason) {}

    record Review(@Size(max = 500) String note) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('PROVIDER', 'NURSE')")
    @Operation(
            summary = "Open a patient outside your care team, with a reason (audited; managers review it)",
            description = "Opens the record for a limited time (8 h by default). 409 in-care-team when you can open"
                    + " it already; 422 without a reason of 10 to 500 characters.")
    ResponseEntity<BreakGlassAccess> open(@Valid @RequestBody Request request) {
        if ((request.patientId() == null)
                == (request.mrn() == null || request.mrn().isBlank())) {
            throw new InvalidFieldsException("patientId", "name the patient by patientId or by mrn (one of them)");
        }
        BreakGlassAccess access = request.patientId() != null
                ? breakGlass.open(new PatientId(request.patientId()), request.reason())
                : breakGlass.openByRecordNumber(request.mrn(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/break-glass/" + access.id()))
                .body(access);
    }

    @GetMapping
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Break-the-glass accesses, newest first (unreviewed=true: those waiting for review)")
    PagedModel<BreakGlassAccess> list(
            @RequestParam(defaultValue = "false") boolean unreviewed, @ParameterObject Pageable pageable) {
        // newest first is the only order (a review works down from the latest); any other sort is refused
        Paging.sortableBy(pageable, java.util.Map.of(), org.springframework.data.domain.Sort.unsorted());
        var page = breakGlass.list(unreviewed, PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
        reads.listed(
                "BreakGlass",
                "api:break-glass",
                page.getContent().stream().map(a -> a.patientId().value()).toList());
        return new PagedModel<>(page);
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "Mark an access reviewed, with an optional note (409 if reviewed already)")
    BreakGlassAccess review(@PathVariable UUID id, @Valid @RequestBody(required = false) Review review) {
        return breakGlass.review(id, review == null ? null : review.note());
    }
}
