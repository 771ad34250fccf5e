package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.notifications.StaffInbox;
import sa.tenhal.platform.Paging;

@RestController
@RequestMapping("/api/v1/me/notifications")
@Validated
@Tag(name = "Inbox", description = "The signed-in staff user's in-app notifications")
class InboxController {

    private final StaffInbox inbox;

    InboxController(StaffInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first")
    PagedModel<StaffInbox.Notice> list(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        UUID user = me.id().value();
        return Paging.page(
                page,
                size,
                unreadOnly ? inbox.unread(user) : inbox.count(user),
                (offset, limit) -> inbox.of(user, unreadOnly, offset, limit));
    }

    @GetMapping("/unread-count")
    Map<String, Long> unread(@AuthenticationPrincipal StaffPrincipal me) {
        return Map.of("unread", inbox.unread(me.id().value()));
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal StaffPrincipal me, @PathVariable UUID id) {
        inbox.markRead(me.id().value(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll(@AuthenticationPrincipal StaffPrincipal me) {
        return Map.of("marked", inbox.markAllRead(me.id().value()));
    }
}
