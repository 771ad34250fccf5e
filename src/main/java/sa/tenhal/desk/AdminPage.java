package sa.tenhal.desk;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administration index: every admin page in one place. Managers see only the catalogue, which they keep too; the
 * pages themselves live in the modules whose data they change.
 */
@Controller
class AdminPage {

    @GetMapping("/admin")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String index() {
        return "admin/index";
    }
}
