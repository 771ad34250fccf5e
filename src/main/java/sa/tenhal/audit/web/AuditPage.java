package sa.tenhal.audit.web;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import sa.tenhal.audit.AuditLog;
import sa.tenhal.platform.AuditAction;
import sa.tenhal.platform.ClinicTime;

/**
 * The audit log for admins (the API's rule: reading who did what to which patient is itself sensitive), newest first,
 * filtered by user, patient, record, action and days.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditPage {

    /** The record types the modules write, offered as suggestions (any other can be typed); a test keeps it whole. */
    static final List<String> KNOWN_RECORD_TYPES = List.of(
            "Patient",
            "PatientFile",
            "Consent",
            "Appointment",
            "AppointmentConfirmation",
            "Referral",
            "Invoice",
            "Payment",
            "Account",
            "PatientPackage",
            "WaitlistEntry",
            "BreakGlass",
            "StaffUser",
            "ApiToken");

    private final AuditLog log;
    private final ClinicTime time;

    AuditPage(AuditLog log, ClinicTime time) {
        this.log = log;
        this.time = time;
    }

    @GetMapping
    String find(
            @ModelAttribute("filter") AuditFilterPage filter,
            BindingResult errors,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("recordTypes", KNOWN_RECORD_TYPES);
        model.addAttribute("filtered", !filter.isEmpty());
        AuditLog.Filter query = filter.toFilter(errors, time.zone());
        if (query != null) {
            int pageSize = Math.min(Math.max(size, 1), 200);
            model.addAttribute("entries", log.find(query, PageRequest.of(Math.max(page, 0), pageSize)));
            model.addAttribute("size", pageSize);
        }
        return "admin/audit";
    }
}
