package sa.tenhal.appointments.confirmation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.WebUtils;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.confirmation.ConfirmationDetails;
import sa.tenhal.appointments.confirmation.ConfirmationStatus;
import sa.tenhal.appointments.confirmation.Confirmations;
import sa.tenhal.appointments.confirmation.VisitFacts;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.platform.SecretTokens;
import sa.tenhal.platform.documents.CalendarFiles;
import sa.tenhal.shared.Language;

/**
 * The page behind a confirmation link. {@code GET} only shows — the patient's first name, the clinic, the provider,
 * the local date and time and the address, nothing clinical — because mail scanners and link previews open links;
 * only a {@code POST} with the page's CSRF token confirms or declines. Used, expired and unknown links get a friendly
 * page with the clinic's phone. Rate limits per address and per link apply to all of {@code /p/**}.
 */
@Controller
@RequestMapping("/p/confirm/{token}")
class ConfirmationPages {

    private final Confirmations confirmations;
    private final CentreFrames frames;
    private final CalendarFiles calendars;
    private final LocaleResolver locales;
    private final ClinicTime time;
    private final String centreCode;

    ConfirmationPages(
            Confirmations confirmations,
            CentreFrames frames,
            CalendarFiles calendars,
            LocaleResolver locales,
            ClinicTime time,
            @Value("${tenhal.centre.code}") String centreCode) {
        this.confirmations = confirmations;
        this.frames = frames;
        this.calendars = calendars;
        this.locales = locales;
        this.time = time;
        this.centreCode = centreCode;
    }

    @GetMapping
    String show(
            @PathVariable String token,
            @RequestParam(required = false) String done,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Optional<ConfirmationDetails> found = confirmations.byToken(token);
        if (found.isEmpty()) {
            return unknown(response, model);
        }
        ConfirmationDetails confirmation = found.get();
        VisitFacts visit = confirmations.visit(confirmation.id());
        Language language = speak(visit.language(), request, response);
        model.addAttribute("centre", frames.of(visit));
        model.addAttribute("visit", visit);
        model.addAttribute("name", visit.firstName(language));
        model.addAttribute("when", visit.when(language));
        model.addAttribute("clinic", visit.clinic(language));
        model.addAttribute("provider", visit.provider(language));
        model.addAttribute("token", token);
        String state = state(confirmation, visit);
        model.addAttribute("state", state);
        // "Thank you" only when the answer it thanks for is the one that stands; the parameter alone proves nothing
        if (("confirmed".equals(done) || "declined".equals(done)) && done.equals(state)) {
            model.addAttribute("just", done);
        }
        return "confirmation/confirm";
    }

    @PostMapping("/confirm")
    String confirm(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return unknown(response, model);
        }
        String done = null;
        try {
            confirmations.confirm(token, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
            done = "confirmed";
        } catch (ProblemException | OptimisticLockingFailureException e) {
            // used, expired, unknown, or answered at the same moment elsewhere: the page says which
        }
        return back(token, done);
    }

    @PostMapping("/decline")
    String decline(
            @PathVariable String token,
            @RequestParam(required = false) String reason,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return unknown(response, model);
        }
        String done = null;
        try {
            confirmations.decline(
                    token,
                    reason == null || reason.length() <= 250 ? reason : reason.substring(0, 250),
                    request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT));
            done = "declined";
        } catch (ProblemException | OptimisticLockingFailureException e) {
            // the page says why
        }
        return back(token, done);
    }

    /**
     * Back to the link's page after an answer (post, redirect, get: a reload does not post again). The address is
     * relative, so the browser resolves it against the address it is on — never against the request's {@code Host}
     * header — and the token is encoded as a path segment. What was just done travels in the query, not in the
     * session: patient pages keep nothing on the server, least of all the token.
     */
    private static String back(String token, String done) {
        UriComponentsBuilder page = UriComponentsBuilder.fromPath("/p/confirm/{token}");
        if (done != null) {
            page.queryParam("done", done);
        }
        return "redirect:" + page.buildAndExpand(token).encode().toUriString();
    }

    /** The page for a link that names nothing: malformed tokens are not looked up, and nothing is redirected. */
    private String unknown(HttpServletResponse response, Model model) {
        model.addAttribute("state", "unknown");
        model.addAttribute("centre", frames.ofCentre(centreCode));
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "confirmation/confirm";
    }

    /** Add to calendar: offered once the appointment is confirmed and still ahead. */
    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token, HttpServletRequest request) {
        Optional<ConfirmationDetails> found = confirmations.byToken(token);
        if (found.isEmpty() || found.get().status() != ConfirmationStatus.CONFIRMED) {
            return ResponseEntity.notFound().build();
        }
        VisitFacts visit = confirmations.visit(found.get().id());
        if (visit.status() != AppointmentStatus.CONFIRMED || !visit.startsAt().isAfter(time.now())) {
            return ResponseEntity.notFound().build();
        }
        Language language = Language.of(locales.resolveLocale(request));
        String summary = visit.clinic(language) + " · " + visit.provider(language);
        String location =
                visit.address() == null ? visit.centre(language) : visit.centre(language) + ", " + visit.address();
        // the end is not the patient's business beyond the hour: a visit is shown as an hour
        byte[] file = calendars.file(
                new CalendarFiles.CalendarEvent(
                        visit.appointmentId() + "@tenhal",
                        visit.startsAt(),
                        visit.startsAt().plus(java.time.Duration.ofHours(1)),
                        summary,
                        location,
                        visit.phone()),
                time.now());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CalendarFiles.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file);
    }

    private static String state(ConfirmationDetails c, VisitFacts visit) {
        return switch (c.status()) {
            case CONFIRMED -> "confirmed";
            case DECLINED -> "declined";
            case EXPIRED -> "expired";
            // a request whose appointment has moved on, or moved (its new request is on the way), is over
            case PENDING ->
                c.expired()
                                || !AppointmentStatus.UPCOMING.contains(visit.status())
                                || !visit.startsAt().equals(c.appointmentStartsAt())
                        ? "expired"
                        : "open";
        };
    }

    /**
     * The page speaks the patient's language unless they chose one ({@code ?lang=}, remembered in a cookie): the
     * switch in the header changes it.
     */
    private Language speak(Language patient, HttpServletRequest request, HttpServletResponse response) {
        boolean chosen = request.getParameter("lang") != null || WebUtils.getCookie(request, "tenhal-lang") != null;
        if (!chosen) {
            Locale locale = patient.locale();
            locales.setLocale(request, response, locale);
            LocaleContextHolder.setLocale(locale);
            return patient;
        }
        return Language.of(locales.resolveLocale(request));
    }
}
