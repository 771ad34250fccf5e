package sa.tenhal.desk;

import org.springframework.data.domain.Pageable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.patients.PatientRegistry;

/** The first page after signing in. */
@Controller
class HomePage {

    private final PatientRegistry patients;
    private final ClinicCatalog catalog;

    HomePage(PatientRegistry patients, ClinicCatalog catalog) {
        this.patients = patients;
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("displayName", me.displayName());
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("patientCount", patients.activeCount());
        model.addAttribute(
                "clinicCount", catalog.clinics(null, true, Pageable.ofSize(1)).getTotalElements());
        model.addAttribute(
                "providerCount",
                catalog.providers(null, true, Pageable.ofSize(1)).getTotalElements());
        return "home";
    }
}
