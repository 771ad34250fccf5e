package sa.tenhal.notifications.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.notifications.Channel;
import sa.tenhal.notifications.InboundMessages;
import sa.tenhal.notifications.Outbox;
import sa.tenhal.platform.NotFoundException;

/**
 * The outbox (ADMIN): on the embedded default, every email and text Tenhal "sent", as its recipient would see it, with
 * working links; and a way to answer a text as the patient would, to try replies without a phone.
 */
@Controller
@RequestMapping("/admin/outbox")
class OutboxPage {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** A piece of a text message: plain text, or a link. */
    record Piece(String text, boolean link) {}

    private final Outbox outbox;
    private final InboundMessages inbound;

    OutboxPage(Outbox outbox, InboundMessages inbound) {
        this.outbox = outbox;
        this.inbound = inbound;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("items", outbox.latest(200));
        return "outbox";
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        Outbox.Item item = outbox.find(id).orElseThrow(() -> new NotFoundException("Outbox message", id));
        model.addAttribute("item", item);
        model.addAttribute("pieces", pieces(item.text()));
        model.addAttribute("srcdoc", item.html() == null ? null : "<base target=\"_blank\">" + item.html());
        model.addAttribute("files", outbox.files(id));
        return "outbox-message";
    }

    @GetMapping("/{id}/files/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable long fileId) {
        Outbox.File file = outbox.files(id).stream()
                .filter(f -> f.id() == fileId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment", fileId));
        return org.springframework.http.ResponseEntity.ok()
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.inline()
                                .filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @PostMapping("/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam String body, RedirectAttributes redirect) {
        Outbox.Item item = outbox.find(id).orElseThrow(() -> new NotFoundException("Outbox message", id));
        if (item.channel() != Channel.EMAIL && body != null && !body.isBlank()) {
            String from = (item.channel() == Channel.WHATSAPP ? "whatsapp:" : "") + item.address();
            inbound.receive("outbox-reply-" + UUID.randomUUID(), from, body.strip());
            redirect.addAttribute("replied", true);
        }
        return "redirect:/admin/outbox/" + id;
    }

    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = URL.matcher(text == null ? "" : text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                pieces.add(new Piece(text.substring(at, m.start()), false));
            }
            pieces.add(new Piece(m.group(), true));
            at = m.end();
        }
        if (text != null && at < text.length()) {
            pieces.add(new Piece(text.substring(at), false));
        }
        return pieces;
    }
}
