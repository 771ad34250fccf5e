package sa.tenhal.referrals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.referrals.FirstAppointment;
import sa.tenhal.referrals.ReferralDetails;
import sa.tenhal.referrals.ReferralForm;
import sa.tenhal.referrals.ReferralStatistics;
import sa.tenhal.referrals.ReferralStatisticsQuery;
import sa.tenhal.referrals.ReferralStatus;
import sa.tenhal.referrals.Referrals;

@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Closed-loop referrals between the centre's clinics")
class ReferralsController {

    /** Clinical staff and reception; finance sees money, not referrals. */
    static final String CLINICAL = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')";

    private static final Map<String, String> SORTS =
            Map.of("createdAt", "createdAt", "respondBy", "respondBy", "status", "status", "urgency", "urgency");

    private final Referrals referrals;
    private final ReferralStatisticsQuery statistics;
    private final PatientReads reads;

    ReferralsController(Referrals referrals, ReferralStatisticsQuery statistics, PatientReads reads) {
        this.referrals = referrals;
        this.statistics = statistics;
        this.reads = reads;
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {}

    @PostMapping
    @PreAuthorize(CLINICAL)
    @Operation(summary = "Refer a patient (Idempotency-Key supported)")
    ResponseEntity<ReferralDetails> create(@Valid @RequestBody ReferralForm form) {
        ReferralDetails created = referrals.create(form);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + created.id()))
                .body(created);
    }

    @GetMapping
    @PreAuthorize(CLINICAL)
    @Operation(
            summary = "Referrals by status, patient, sending or receiving clinic (sort: createdAt, respondBy,"
                    + " status, urgency)")
    PagedModel<ReferralDetails> search(
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) UUID fromClinicId,
            @RequestParam(required = false) UUID toClinicId,
            @ParameterObject Pageable pageable) {
        Pageable page = Paging.sortableBy(pageable, SORTS, Sort.by(Sort.Direction.DESC, "createdAt"));
        var found = referrals.search(status, patientId, fromClinicId, toClinicId, page);
        reads.listed(
                "Referral",
                "api:referrals",
                found.getContent().stream()
                        .map(ReferralDetails::patientId)
                        .filter(java.util.Objects::nonNull)
                        .toList());
        return new PagedModel<>(found);
    }

    @GetMapping("/{id}")
    @PreAuthorize(CLINICAL)
    ReferralDetails find(@PathVariable UUID id) {
        return referrals.find(id);
    }

    /** Accepting may book the first appointment in the receiving clinic in the same step. */
    record Acceptance(@Valid FirstAppointment appointment) {}

    @PostMapping("/{id}/accept")
    @PreAuthorize(CLINICAL)
    @Operation(
            summary = "Accept (the receiving clinic's staff); with an appointment, book the patient's first visit"
                    + " in the same step — both or neither")
    ReferralDetails accept(@PathVariable UUID id, @Valid @RequestBody(required = false) Acceptance acceptance) {
        return referrals.accept(id, acceptance == null ? null : acceptance.appointment());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(CLINICAL)
    @Operation(summary = "Reject with a reason (the receiving clinic's staff)")
    ReferralDetails reject(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return referrals.reject(id, reason.reason());
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize(CLINICAL)
    @Operation(summary = "Complete by hand (an accepted referral, or one to an outside facility)")
    ReferralDetails complete(@PathVariable UUID id) {
        return referrals.complete(id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(CLINICAL)
    ReferralDetails cancel(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return referrals.cancel(id, reason.reason());
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(
            summary = "Counts by status, acceptance rate and median times, by clinic pair, for referrals made"
                    + " between two dates (clinic-local, both included)")
    ReferralStatistics statistics(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID fromClinicId,
            @RequestParam(required = false) UUID toClinicId) {
        return statistics.between(from, to, fromClinicId, toClinicId);
    }
}
