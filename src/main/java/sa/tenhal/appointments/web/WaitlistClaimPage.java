package sa.tenhal.appointments.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import sa.tenhal.appointments.Waitlist;
import sa.tenhal.clinics.ClinicCatalog;

/**
 * The page a waiting patient opens from an offer: the slot (first name, clinic, provider, service, local date and
 * time — nothing clinical) and a button to take it. Only the {@code POST} (with the page's CSRF token) books, because
 * mail scanners and link previews open links.
 */
@Controller
@RequestMapping("/p/waitlist/{token}")
class WaitlistClaimPage {

    private final Waitlist waitlist;
    private final ClinicCatalog catalog;
    private final String centreCode;

    WaitlistClaimPage(Waitlist waitlist, ClinicCatalog catalog, @Value("${tenhal.centre.code}") String centreCode) {
        this.waitlist = waitlist;
        this.catalog = catalog;
        this.centreCode = centreCode;
    }

    @GetMapping
    String show(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return render(waitlist.view(token), model, response);
    }

    @PostMapping
    String claim(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        return render(waitlist.claim(token), model, response);
    }

    private String render(
            java.util.Optional<Waitlist.OfferView> offer,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("centre", centre());
        if (offer.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("state", "UNKNOWN");
            return "appointments/claim";
        }
        model.addAttribute("offer", offer.get());
        model.addAttribute("state", offer.get().state());
        return "appointments/claim";
    }

    private Object centre() {
        try {
            return catalog.centre(centreCode);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
