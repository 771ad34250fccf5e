package sa.tenhal.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.data.web.PagedModel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import sa.tenhal.notifications.Channel;
import sa.tenhal.notifications.DeliveryLog;
import sa.tenhal.notifications.LoggedMessage;
import sa.tenhal.notifications.MessageStatus;
import sa.tenhal.platform.Paging;
import sa.tenhal.platform.PatientReads;

@RestController
@RequestMapping("/api/v1/admin/messages")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@Tag(name = "Messages", description = "The delivery log of every email, SMS, WhatsApp and in-app message (ADMIN)")
class DeliveryLogController {

    private final DeliveryLog log;
    private final PatientReads reads;

    DeliveryLogController(DeliveryLog log, PatientReads reads) {
        this.log = log;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "Messages, newest first, by status, channel, kind or recipient")
    PagedModel<LoggedMessage> search(
            @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) UUID recipient,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        PagedModel<LoggedMessage> found = Paging.page(
                page,
                size,
                log.count(status, channel, kind, recipient),
                (offset, limit) -> log.search(status, channel, kind, recipient, offset, limit));
        // messages to patients carry their address and what they were told: a read of their data
        reads.listed(
                "Patient",
                "api:admin-messages",
                found.getContent().stream()
                        .filter(m -> "PATIENT".equals(m.recipientType()))
                        .map(LoggedMessage::recipientId)
                        .toList());
        return found;
    }
}
