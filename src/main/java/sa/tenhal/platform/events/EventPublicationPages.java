package sa.tenhal.platform.events;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's page of event publications whose listener has not completed: failing ones with their last error (or
 * every incomplete one), and resubmitting one or all of them once the cause is fixed.
 */
@Controller
@RequestMapping("/admin/events")
@PreAuthorize("hasRole('ADMIN')")
class EventPublicationPages {

    private static final int PAGE_SIZE = 25;

    /**
     * A publication as the page shows it: the event's and listener's short names, the module that listens, whether it
     * was given up and whether it failed (rather than being in flight).
     */
    record Row(
            IncompletePublications.Publication publication,
            String event,
            String listener,
            String module,
            boolean gaveUp,
            boolean failed) {

        static Row of(IncompletePublications.Publication p) {
            return new Row(
                    p,
                    simpleName(p.eventType()),
                    listenerName(p.listener()),
                    moduleOf(p.listener()),
                    p.gaveUpAt() != null,
                    "FAILED".equals(p.status()) || p.failures() != null);
        }
    }

    private final IncompletePublications publications;
    private final EventResubmission resubmission;

    EventPublicationPages(IncompletePublications publications, EventResubmission resubmission) {
        this.publications = publications;
        this.resubmission = resubmission;
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int current = Math.max(page, 0);
        boolean failingOnly = !all;
        long total = publications.count(failingOnly);
        List<Row> rows = publications.list(failingOnly, current * PAGE_SIZE, PAGE_SIZE).stream()
                .map(Row::of)
                .toList();
        model.addAttribute("all", all);
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("failedCount", publications.failedCount());
        model.addAttribute("page", current);
        model.addAttribute("hasMore", (long) (current + 1) * PAGE_SIZE < total);
        return "admin/events";
    }

    @PostMapping("/{id}/resubmit")
    String resubmit(@PathVariable UUID id, RedirectAttributes redirect) {
        if (publications.isIncomplete(id)) {
            resubmission.resubmitNow(id);
            redirect.addFlashAttribute("notice", "admin.events.resubmitted");
        } else {
            redirect.addFlashAttribute("notice", "admin.events.alreadyDone");
        }
        return "redirect:/admin/events";
    }

    @PostMapping("/resubmit-all")
    String resubmitAll(RedirectAttributes redirect) {
        resubmission.resubmitAllNow();
        redirect.addFlashAttribute("notice", "admin.events.allResubmitted");
        return "redirect:/admin/events";
    }

    static String simpleName(String type) {
        if (type == null) {
            return "";
        }
        String name = type.substring(type.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    /** {@code sa.tenhal.notifications.StaffWelcome.on(sa.tenhal.identity.StaffUserCreated)} → {@code StaffWelcome.on}. */
    static String listenerName(String listenerId) {
        if (listenerId == null) {
            return "";
        }
        int paren = listenerId.indexOf('(');
        String method = paren < 0 ? listenerId : listenerId.substring(0, paren);
        int dot = method.lastIndexOf('.');
        String type = dot < 0 ? method : method.substring(0, dot);
        return simpleName(type) + (dot < 0 ? "" : method.substring(dot));
    }

    /** The application module a listener belongs to ({@code notifications}), or nothing when it is outside. */
    static String moduleOf(String listenerId) {
        String prefix = "sa.tenhal.";
        if (listenerId == null || !listenerId.startsWith(prefix)) {
            return null;
        }
        String rest = listenerId.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? null : rest.substring(0, dot);
    }
}
