package sa.tenhal.desk.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.platform.ClinicTime;

/**
 * The manager dashboard: the page draws its charts in the browser (Chart.js from WebJars) from
 * {@code GET /api/v1/dashboard}, the same figures any client can read.
 */
@Controller
@Tag(name = "Dashboard", description = "The managers' figures over a range")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class DashboardController {

    private final Dashboard dashboard;
    private final ClinicCatalog catalog;
    private final ClinicTime time;

    DashboardController(Dashboard dashboard, ClinicCatalog catalog, ClinicTime time) {
        this.dashboard = dashboard;
        this.catalog = catalog;
        this.time = time;
    }

    @GetMapping("/api/v1/dashboard")
    @ResponseBody
    @Operation(
            summary = "Appointments confirmed before the visit day, no-show and cancellation rates, utilisation per"
                    + " provider and room, new patients, referral acceptance and time to accept, for clinic-local days"
                    + " from..to (both included), optionally one clinic")
    Dashboard.Figures figures(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID clinic) {
        return dashboard.between(from, to, clinic);
    }

    @GetMapping("/dashboard")
    String page(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID clinic,
            Model model) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("clinic", clinic);
        model.addAttribute(
                "clinics",
                catalog.clinics(null, true, org.springframework.data.domain.PageRequest.of(0, 200))
                        .getContent());
        return "desk/dashboard";
    }
}
