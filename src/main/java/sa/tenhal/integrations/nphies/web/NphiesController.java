package sa.tenhal.integrations.nphies.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.integrations.nphies.Insurance;
import sa.tenhal.integrations.nphies.NphiesRecord;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.PatientReads;

/**
 * NPHIES through the API: eligibility checks and prior authorisations of appointments (reception, finance, managers;
 * clinicians read their care team's), and the claims (finance and managers: with the diagnoses the claim carries).
 */
@RestController
@RequestMapping("/api/v1")
class NphiesController {

    private final Insurance insurance;
    private final Scheduling scheduling;
    private final PatientAccess access;
    private final PatientReads reads;

    NphiesController(Insurance insurance, Scheduling scheduling, PatientAccess access, PatientReads reads) {
        this.insurance = insurance;
        this.scheduling = scheduling;
        this.access = access;
        this.reads = reads;
    }

    /** The appointment's eligibility checks and prior authorisation, newest first. */
    @GetMapping("/appointments/{id}/insurance")
    @PreAuthorize(NphiesPages.SEE)
    List<NphiesRecord> ofAppointment(@PathVariable UUID id) {
        var a = scheduling.get(new AppointmentId(id));
        access.require(PatientData.APPOINTMENTS, a.patientId());
        reads.viewed("NphiesInsurance", id, a.patientId().value(), "appointment-insurance");
        return insurance.ofAppointment(id);
    }

    /** Checks the coverage for the appointment's day now; 409 {@code not-insured} without a coverage. */
    @PostMapping("/appointments/{id}/eligibility-checks")
    @PreAuthorize(NphiesPages.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    NphiesRecord check(@PathVariable UUID id) {
        return insurance.checkEligibility(new AppointmentId(id));
    }

    /** Requests the payer's authorisation of the appointment's service (or returns the one there is). */
    @PostMapping("/appointments/{id}/prior-authorisations")
    @PreAuthorize(NphiesPages.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    NphiesRecord authorise(@PathVariable UUID id) {
        return insurance.requestAuthorisation(new AppointmentId(id));
    }

    /** Checks a patient's coverage for a day (default today). */
    @PostMapping("/patients/{id}/eligibility-checks")
    @PreAuthorize(NphiesPages.ACT)
    @ResponseStatus(HttpStatus.CREATED)
    NphiesRecord checkPatient(@PathVariable UUID id, @RequestParam(required = false) LocalDate day) {
        return insurance.checkEligibility(id, day == null ? LocalDate.now() : day);
    }

    /** The claims work-list, newest first; {@code status} a state or an outcome (e.g. REJECTED). */
    @GetMapping("/nphies/claims")
    @PreAuthorize(NphiesPages.CLAIMS)
    List<NphiesRecord> claims(@RequestParam(required = false) String status) {
        List<NphiesRecord> claims = insurance.claims(status, 200);
        reads.listed(
                "NphiesClaim",
                "claims",
                claims.stream().map(NphiesRecord::patientId).toList());
        return claims;
    }

    /** One claim with the diagnoses it carries. */
    @GetMapping("/nphies/claims/{id}")
    @PreAuthorize(NphiesPages.CLAIMS)
    NphiesRecord claim(@PathVariable UUID id) {
        NphiesRecord claim = insurance
                .find(id)
                .filter(r -> "CLAIM".equals(r.kind()))
                .orElseThrow(() -> new NotFoundException("Claim", id));
        reads.viewed("NphiesClaim", id, claim.patientId(), "claim");
        return claim;
    }

    /** A corrected claim in place of this one; 409 {@code claim-not-resubmittable} for one that cannot be. */
    @PostMapping("/nphies/claims/{id}/resubmissions")
    @PreAuthorize(NphiesPages.CLAIMS)
    @ResponseStatus(HttpStatus.CREATED)
    NphiesRecord resubmit(@PathVariable UUID id) {
        return insurance.resubmit(id);
    }
}
