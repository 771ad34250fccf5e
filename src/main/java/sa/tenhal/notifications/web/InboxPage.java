package sa.tenhal.notifications.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.notifications.StaffInbox;

/** The signed-in user's inbox page, and the unread count every page's header polls. */
@Controller
@RequestMapping("/inbox")
class InboxPage {

    private static final int PAGE = 30;

    private final StaffInbox inbox;

    InboxPage(StaffInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String list(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int from = Math.max(page, 0);
        var notices = inbox.of(me.id().value(), unread, from * PAGE, PAGE + 1);
        model.addAttribute("notices", notices.size() > PAGE ? notices.subList(0, PAGE) : notices);
        model.addAttribute("hasMore", notices.size() > PAGE);
        model.addAttribute("page", from);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("unreadCount", inbox.unread(me.id().value()));
        return "inbox";
    }

    /** The header's badge: the count, or nothing when all is read (the badge then hides). */
    @GetMapping("/badge")
    @ResponseBody
    String badge(@AuthenticationPrincipal StaffPrincipal me) {
        long unread = inbox.unread(me.id().value());
        return unread == 0 ? "" : unread > 99 ? "99+" : Long.toString(unread);
    }

    /** Opens a notice: marks it read and follows its link (only links within Tenhal). */
    @PostMapping("/{id}/open")
    String open(
            @AuthenticationPrincipal StaffPrincipal me,
            @PathVariable UUID id,
            @RequestParam(required = false) String link) {
        inbox.markRead(me.id().value(), id);
        return "redirect:" + (link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/inbox");
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        inbox.markAllRead(me.id().value());
        redirect.addFlashAttribute("notice", "inbox.allRead");
        return "redirect:/inbox";
    }
}
