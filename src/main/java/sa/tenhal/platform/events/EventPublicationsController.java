package sa.tenhal.platform.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.Paging;

@RestController
@RequestMapping("/api/v1/admin/event-publications")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Event publications", description = "Events whose listeners have not completed, with their errors (ADMIN)")
class EventPublicationsController {

    private final IncompletePublications publications;
    private final EventResubmission resubmission;

    EventPublicationsController(IncompletePublications publications, EventResubmission resubmission) {
        this.publications = publications;
        this.resubmission = resubmission;
    }

    @GetMapping
    @Operation(summary = "Incomplete publications, failing ones first")
    PagedModel<IncompletePublications.Publication> incomplete(
            @RequestParam(defaultValue = "false") boolean failingOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Paging.page(
                page,
                size,
                publications.count(failingOnly),
                (offset, limit) -> publications.list(failingOnly, offset, limit));
    }

    @PostMapping("/{id}/resubmit")
    @Operation(summary = "Resubmit a publication now (after fixing the cause), whatever its attempts")
    ResponseEntity<Void> resubmit(@PathVariable UUID id) {
        if (!publications.isIncomplete(id)) {
            throw new NotFoundException("Incomplete event publication", id);
        }
        resubmission.resubmitNow(id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/resubmit-all")
    @Operation(summary = "Resubmit every failed publication now (after fixing the cause), whatever its attempts")
    ResponseEntity<Void> resubmitAll() {
        resubmission.resubmitAllNow();
        return ResponseEntity.accepted().build();
    }
}
