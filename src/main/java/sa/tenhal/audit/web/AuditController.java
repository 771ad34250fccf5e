package sa.tenhal.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.audit.AuditEntry;
import sa.tenhal.audit.AuditLog;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.Paging;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit", description = "Who did what to which record, when, from where (ADMIN)")
class AuditController {

    /** The trail is read in time order, newest first unless asked otherwise. */
    private static final Map<String, String> SORTS = Map.of("at", "at");

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "at");

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Query the audit trail, newest first")
    PagedModel<AuditEntry> find(
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String username,
            @ParameterObject Pageable pageable) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidFieldsException("to", "must be after from");
        }
        var filter = new AuditLog.Filter(
                patientId,
                userId,
                recordType,
                recordId,
                action == null ? null : action.name(),
                from,
                to,
                username == null || username.isBlank() ? null : username.strip());
        return new PagedModel<>(log.find(filter, Paging.sortableBy(pageable, SORTS, NEWEST_FIRST)));
    }
}
