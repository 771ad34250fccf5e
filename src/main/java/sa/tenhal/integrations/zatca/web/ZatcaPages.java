package sa.tenhal.integrations.zatca.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.clinics.CentreDetails;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.integrations.outbound.Submissions;
import sa.tenhal.integrations.zatca.Onboarding;
import sa.tenhal.integrations.zatca.UnitView;
import sa.tenhal.integrations.zatca.ZatcaActivity;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.ProblemException;

/**
 * The admin's e-invoicing page: each centre's unit — its state, certificate (and a warning before it expires), next
 * ICV — the onboarding steps (key and CSR, compliance CSID with the OTP, compliance checks, production CSID, renewal)
 * and the last submissions to ZATCA.
 */
@Controller
@RequestMapping("/admin/zatca")
@PreAuthorize("hasRole('ADMIN')")
class ZatcaPages {

    private final Onboarding onboarding;
    private final Submissions submissions;
    private final ClinicCatalog catalog;
    private final MessageSource messages;
    private final ZatcaActivity activity;

    ZatcaPages(
            Onboarding onboarding,
            Submissions submissions,
            ClinicCatalog catalog,
            MessageSource messages,
            ZatcaActivity activity) {
        this.activity = activity;
        this.onboarding = onboarding;
        this.submissions = submissions;
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        List<UnitView> units = onboarding.all();
        Set<String> onboarded = units.stream().map(UnitView::centreCode).collect(Collectors.toSet());
        model.addAttribute("units", units);
        model.addAttribute(
                "centresWithoutUnit",
                catalog.centres().stream()
                        .map(CentreDetails::code)
                        .filter(code -> !onboarded.contains(code))
                        .toList());
        model.addAttribute("submissions", activity.recent(20));
        model.addAttribute(
                "pending",
                submissions.count("ZATCA", Submissions.State.PENDING)
                        + submissions.count("ZATCA", Submissions.State.RETRYING));
        model.addAttribute("rejected", submissions.count("ZATCA", Submissions.State.REJECTED));
        model.addAttribute("unauthorised", submissions.count("ZATCA", Submissions.State.UNAUTHORISED));
        return "admin/zatca";
    }

    @PostMapping("/{centre}/keys")
    String generate(
            @PathVariable String centre, @RequestParam(required = false) String branch, RedirectAttributes redirect) {
        return act(redirect, "zatca.admin.keyGenerated", () -> onboarding.generate(centre, branch));
    }

    @PostMapping("/{centre}/compliance-csid")
    String complianceCsid(@PathVariable String centre, @RequestParam String otp, RedirectAttributes redirect) {
        return act(redirect, "zatca.admin.complianceIssued", () -> onboarding.complianceCsid(centre, otp));
    }

    @PostMapping("/{centre}/compliance-checks")
    String complianceChecks(@PathVariable String centre, RedirectAttributes redirect) {
        return act(redirect, "zatca.admin.checksRun", () -> onboarding.complianceChecks(centre));
    }

    @PostMapping("/{centre}/production-csid")
    String productionCsid(@PathVariable String centre, RedirectAttributes redirect) {
        return act(redirect, "zatca.admin.productionIssued", () -> onboarding.productionCsid(centre));
    }

    @PostMapping("/{centre}/renewal")
    String renew(@PathVariable String centre, @RequestParam String otp, RedirectAttributes redirect) {
        return act(redirect, "zatca.admin.renewed", () -> onboarding.renew(centre, otp));
    }

    private String act(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", Forms.describe(messages, e));
        }
        return "redirect:/admin/zatca";
    }
}
