package sa.tenhal.integrations.results.web;

import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.integrations.results.Results;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ProblemException;

/**
 * The results pages (docs/results.md): the signed-in clinician's unreviewed results, one result with its history and
 * PDF (mark reviewed), the results of an order, and the managers' matching queue.
 */
@Controller
@RequestMapping("/results")
class ResultPages {

    static final String READERS = "hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER', 'NURSE')";
    static final String CLINICIANS = "hasAnyRole('PROVIDER', 'NURSE')";
    static final String QUEUE = "hasAnyRole('ADMIN', 'MANAGER')";

    private final Results results;
    private final PatientRegistry patients;

    ResultPages(Results results, PatientRegistry patients) {
        this.results = results;
        this.patients = patients;
    }

    @GetMapping
    @PreAuthorize(READERS)
    String mine(Model model) {
        model.addAttribute("results", results.mine(100));
        model.addAttribute("queued", results.queued());
        return "results/mine";
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    String show(@PathVariable UUID id, Model model) {
        var view = results.view(id);
        model.addAttribute("result", view);
        model.addAttribute(
                "patient",
                view.report().patientId() == null
                        ? null
                        : patients.find(new PatientId(view.report().patientId()))
                                .orElse(null));
        return "results/result";
    }

    @GetMapping("/order/{order}")
    @PreAuthorize(READERS)
    String ofOrder(@PathVariable UUID order) {
        var found = results.ofOrder(order);
        return found.isEmpty()
                ? "redirect:/results"
                : "redirect:/results/" + found.get(found.size() - 1).id();
    }

    @GetMapping("/{id}/pdf")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        return results.pdf(id)
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"report-" + id + ".pdf\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(bytes))
                .orElse(ResponseEntity.notFound().build());
    }

    @PostMapping("/{id}/reviewed")
    @PreAuthorize(CLINICIANS)
    String reviewed(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            results.review(id);
            redirect.addFlashAttribute("notice", "results.reviewedNotice");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/results/" + id;
    }

    @GetMapping("/queue")
    @PreAuthorize(QUEUE)
    String queue(Model model) {
        model.addAttribute("queue", results.queue(200));
        return "results/queue";
    }

    @PostMapping("/{id}/attach")
    @PreAuthorize(QUEUE)
    String attach(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String mrn,
            @RequestParam(required = false) UUID order,
            RedirectAttributes redirect) {
        try {
            results.attach(id, mrn, order);
            redirect.addFlashAttribute("notice", "results.attachedNotice");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/results/queue";
    }
}
