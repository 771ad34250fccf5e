package sa.tenhal.patients.web;

import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.patients.BreakGlass;
import sa.tenhal.patients.PatientId;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;

/**
 * Break the glass on pages: a clinician opens a patient outside their care team with a reason (from the refusal page
 * of that patient, or by record number), and managers review the accesses.
 */
@Controller
class BreakGlassPages {

    private final BreakGlass breakGlass;
    private final PatientReads reads;

    BreakGlassPages(BreakGlass breakGlass, PatientReads reads) {
        this.breakGlass = breakGlass;
        this.reads = reads;
    }

    /** The form for a patient named by record number. */
    @GetMapping("/patients/break-glass")
    @PreAuthorize("hasAnyRole('PROVIDER', 'NURSE')")
    String form() {
        return "patients/break-glass";
    }

    @PostMapping("/patients/break-glass")
    @PreAuthorize("hasAnyRole('PROVIDER', 'NURSE')")
    String openByNumber(@RequestParam(required = false) String mrn, @RequestParam String reason, Model model) {
        try {
            var access = breakGlass.openByRecordNumber(mrn, reason);
            return "redirect:/patients/" + access.patientId().value();
        } catch (InvalidFieldsException e) {
            model.addAttribute("mrn", mrn);
            model.addAttribute("reason", reason);
            model.addAttribute("field", e.errors().get(0).field());
            model.addAttribute(
                    "problemKey", "breakGlass.problem." + e.errors().get(0).field());
            return "patients/break-glass";
        }
    }

    /** The form for one patient (where a refusal of that patient's record leads). */
    @GetMapping("/patients/{id}/break-glass")
    @PreAuthorize("hasAnyRole('PROVIDER', 'NURSE')")
    String formFor(@PathVariable UUID id, Model model) {
        model.addAttribute("patientId", id);
        return "patients/break-glass";
    }

    @PostMapping("/patients/{id}/break-glass")
    @PreAuthorize("hasAnyRole('PROVIDER', 'NURSE')")
    String open(@PathVariable UUID id, @RequestParam String reason, Model model) {
        try {
            breakGlass.open(new PatientId(id), reason);
            return "redirect:/patients/" + id;
        } catch (InvalidFieldsException e) {
            model.addAttribute("patientId", id);
            model.addAttribute("reason", reason);
            model.addAttribute("problemKey", "breakGlass.problem.reason");
            return "patients/break-glass";
        } catch (ProblemException e) {
            if ("in-care-team".equals(e.type())) {
                return "redirect:/patients/" + id;
            }
            throw e;
        }
    }

    @GetMapping("/access-reviews")
    @PreAuthorize(BreakGlassController.REVIEWERS)
    String reviews(
            @RequestParam(defaultValue = "true") boolean unreviewed,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var accesses = breakGlass.list(unreviewed, PageRequest.of(Math.max(page, 0), 50));
        reads.listed(
                "BreakGlass",
                "page:access-reviews",
                accesses.getContent().stream().map(a -> a.patientId().value()).toList());
        model.addAttribute("accesses", accesses);
        model.addAttribute("unreviewed", unreviewed);
        return "patients/access-reviews";
    }

    @PostMapping("/access-reviews/{id}")
    @PreAuthorize(BreakGlassController.REVIEWERS)
    String review(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            breakGlass.review(id, note);
            redirect.addFlashAttribute("notice", "breakGlass.reviewed");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("notice", "breakGlass.alreadyReviewed");
        }
        return "redirect:/access-reviews";
    }
}
