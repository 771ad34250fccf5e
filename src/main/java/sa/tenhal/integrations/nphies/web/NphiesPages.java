package sa.tenhal.integrations.nphies.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.integrations.nphies.Insurance;
import sa.tenhal.integrations.nphies.NphiesRecord;
import sa.tenhal.patients.PatientAccess;
import sa.tenhal.patients.PatientData;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;

/**
 * NPHIES on the staff pages: the insurance badge of an appointment (desk, booking: eligibility, authorisation, the
 * warning when an authorised service lacks its authorisation), the insurance panel of a patient (profile, booking),
 * and finance's claims work-list. The desk, booking and profile pages load the fragments with htmx, so that no module
 * depends on this one.
 */
@Controller
class NphiesPages {

    static final String SEE = "hasAnyRole('RECEPTIONIST', 'MANAGER', 'ADMIN', 'PROVIDER', 'NURSE')";
    static final String ACT = "hasAnyRole('RECEPTIONIST', 'MANAGER', 'ADMIN')";
    static final String CLAIMS = "hasAnyRole('FINANCE', 'MANAGER', 'ADMIN')";

    private final Insurance insurance;
    private final Scheduling scheduling;
    private final PatientAccess access;
    private final PatientReads reads;
    private final ClinicTime time;
    private final MessageSource messages;

    NphiesPages(
            Insurance insurance,
            Scheduling scheduling,
            PatientAccess access,
            PatientReads reads,
            ClinicTime time,
            MessageSource messages) {
        this.insurance = insurance;
        this.scheduling = scheduling;
        this.access = access;
        this.reads = reads;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/nphies/appointments/{id}/badge")
    @PreAuthorize(SEE)
    String badge(@PathVariable UUID id, Model model) {
        AppointmentDetails a = appointment(id);
        model.addAttribute("appointmentId", id);
        model.addAttribute("eligibility", insurance.latestEligibility(id).orElse(null));
        model.addAttribute("authorisation", insurance.latestAuthorisation(id).orElse(null));
        model.addAttribute("missing", insurance.authorisationMissing(a));
        return "nphies/fragments :: badge";
    }

    @PostMapping("/nphies/appointments/{id}/eligibility")
    @PreAuthorize(ACT)
    String checkForAppointment(@PathVariable UUID id, Model model) {
        appointment(id);
        try {
            insurance.checkEligibility(new AppointmentId(id));
        } catch (ProblemException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
        }
        return badge(id, model);
    }

    @PostMapping("/nphies/appointments/{id}/authorisation")
    @PreAuthorize(ACT)
    String authorise(@PathVariable UUID id, Model model) {
        appointment(id);
        try {
            insurance.requestAuthorisation(new AppointmentId(id));
        } catch (ProblemException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
        }
        return badge(id, model);
    }

    @GetMapping("/nphies/patients/{id}/panel")
    @PreAuthorize(SEE)
    String panel(@PathVariable UUID id, @RequestParam(required = false) UUID service, Model model) {
        access.require(PatientData.APPOINTMENTS, new PatientId(id));
        List<NphiesRecord> records = insurance.ofPatient(id);
        reads.viewed("NphiesInsurance", id, id, "insurance-panel");
        model.addAttribute("patientId", id);
        model.addAttribute("records", records);
        model.addAttribute(
                "needsAuthorisation", service != null && insurance.needsAuthorisation(id, service, time.today()));
        return "nphies/fragments :: panel";
    }

    @PostMapping("/nphies/patients/{id}/eligibility")
    @PreAuthorize(ACT)
    String checkForPatient(@PathVariable UUID id, Model model) {
        access.require(PatientData.APPOINTMENTS, new PatientId(id));
        try {
            insurance.checkEligibility(id, LocalDate.now(time.clock().withZone(time.zone())));
        } catch (ProblemException e) {
            model.addAttribute("problem", Forms.describe(messages, e));
        }
        return panel(id, null, model);
    }

    @GetMapping("/finance/claims")
    @PreAuthorize(CLAIMS)
    String claims(@RequestParam(required = false) String status, Model model) {
        String filter = status == null || status.isBlank() ? null : status;
        List<NphiesRecord> claims = insurance.claims(filter, 200);
        reads.listed(
                "NphiesClaim",
                "claims-work-list",
                claims.stream().map(NphiesRecord::patientId).toList());
        model.addAttribute("claims", claims);
        model.addAttribute("status", filter);
        return "nphies/claims";
    }

    @GetMapping("/finance/claims/{id}")
    @PreAuthorize(CLAIMS)
    String claim(@PathVariable UUID id, Model model) {
        NphiesRecord claim = insurance
                .find(id)
                .filter(r -> "CLAIM".equals(r.kind()))
                .orElseThrow(() -> new sa.tenhal.platform.NotFoundException("Claim", id));
        reads.viewed("NphiesClaim", id, claim.patientId(), "claim");
        model.addAttribute("claim", claim);
        return "nphies/claim";
    }

    @PostMapping("/finance/claims/{id}/resubmit")
    @PreAuthorize(CLAIMS)
    String resubmit(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            NphiesRecord again = insurance.resubmit(id);
            redirect.addFlashAttribute("notice", "nphies.claim.resubmitted");
            return "redirect:/finance/claims/" + again.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
            return "redirect:/finance/claims/" + id;
        }
    }

    private AppointmentDetails appointment(UUID id) {
        AppointmentDetails a = scheduling.get(new AppointmentId(id));
        access.require(PatientData.APPOINTMENTS, a.patientId());
        return a;
    }
}
