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
        // what happened to the visit, said in words: never just "expired" while it was moved or cancelled
        if ("cancelled".equals(state)) {
            model.addAttribute("cancelledOn", visit.cancelledOn(language));
            model.addAttribute("was", VisitFacts.when(time.local(confirmation.appointmentStartsAt()), language));
        }
        if ("moved".equals(state)) {
            model.addAttribute("was", VisitFacts.when(time.local(confirmation.appointmentStartsAt()), language));
        }
        if ("confirmed".equals(state) && confirmations.canWithdraw(confirmation.id())) {
            model.addAttribute("changeable", true);
            model.addAttribute(
                    "changeUntil",
                    VisitFacts.when(time.local(confirmations.withdrawUntil(visit.startsAt())), language));
        }
        if ("open".equals(state) || "confirmed".equals(state)) {
            // other free times of the same provider and service, while this link may still move the visit
            java.util.List<java.time.Instant> choices = confirmations.moveChoices(confirmation.id());
            if (!choices.isEmpty() || "open".equals(state) || model.containsAttribute("changeable")) {
                model.addAttribute(
                        "moveChoices",
                        choices.stream()
                                .map(at -> new MoveChoice(at.toString(), VisitFacts.when(time.local(at), language)))
                                .toList());
                model.addAttribute(
                        "moveUntil",
                        VisitFacts.when(time.local(confirmations.withdrawUntil(visit.startsAt())), language));
            }
        }
        // "Thank you" only when the answer it thanks for is the one that stands; the parameter alone proves nothing
        if (("confirmed".equals(done) || "declined".equals(done) || "moved".equals(done)) && done.equals(state)) {
            model.addAttribute("just", done);
        }
        model.addAttribute("taken", "taken".equals(done) && ("open".equals(state) || "confirmed".equals(state)));
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

    /** A time the page offers: the instant the form posts, and how the patient reads it. */
    record MoveChoice(String value, String label) {}

    /**
     * The patient moves the visit to one of the offered times. A time taken meanwhile, or a link that may no longer
     * move the visit, brings the page back saying so; a time that is not an instant is a 400 naming the field.
     */
    @PostMapping("/move")
    String move(
            @PathVariable String token,
            @RequestParam(required = false) String startsAt,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!SecretTokens.looksLikeSecret(token)) {
            return unknown(response, model);
        }
        java.time.Instant to;
        try {
            to = java.time.Instant.parse(startsAt == null ? "" : startsAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new sa.tenhal.platform.InvalidFieldsException("startsAt", "must be one of the times offered");
        }
        String done;
        try {
            confirmations.move(token, to, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
            done = "moved";
        } catch (ProblemException | OptimisticLockingFailureException e) {
            // taken meanwhile, or the link may no longer change the visit: the page says which
            done = "taken";
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

    /**
     * Add to calendar: offered once the appointment is confirmed and still ahead — the visit's real length, the clinic
     * as organiser, the centre as location, and a UID that stays the same when the visit moves. For a visit the clinic
     * cancelled while it was ahead, the same link gives the cancelling entry ({@code METHOD:CANCEL}), which removes it
     * from the patient's calendar.
     */
    @GetMapping("/calendar.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token, HttpServletRequest request) {
        Optional<ConfirmationDetails> found = confirmations.byToken(token);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        VisitFacts visit = confirmations.visit(found.get().id());
        boolean cancelled = visit.cancelled() && visit.startsAt().isAfter(time.now());
        boolean confirmed = found.get().status() == ConfirmationStatus.CONFIRMED
                && visit.status() == AppointmentStatus.CONFIRMED
                && visit.startsAt().isAfter(time.now());
        if (!cancelled && !confirmed) {
            return ResponseEntity.notFound().build();
        }
        Language language = Language.of(locales.resolveLocale(request));
        byte[] file = calendars.file(event(visit, language, cancelled), time.now());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CalendarFiles.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file);
    }

    /** The visit as the patient's calendar shows it (the UID is the appointment's: stable across moves). */
    static CalendarFiles.CalendarEvent event(VisitFacts visit, Language language, boolean cancelled) {
        String summary = visit.clinic(language) + " · " + visit.provider(language);
        String location =
                visit.address() == null ? visit.centre(language) : visit.centre(language) + ", " + visit.address();
        return new CalendarFiles.CalendarEvent(
                visit.appointmentId() + "@tenhal",
                visit.startsAt(),
                visit.endsAt() == null ? visit.startsAt().plus(java.time.Duration.ofHours(1)) : visit.endsAt(),
                summary,
                location,
                visit.phone(),
                visit.clinic(language),
                visit.phone() == null ? null : "tel:" + visit.phone().replaceAll("[^+0-9]", ""),
                cancelled);
    }

    private static String state(ConfirmationDetails c, VisitFacts visit) {
        if (c.status() == ConfirmationStatus.DECLINED) {
            return "declined";
        }
        if (visit.cancelled()) {
            // cancelled by the clinic (or by the patient some other way) after this link was sent
            return visit.cancelledByPatient() ? "declined" : "cancelled";
        }
        if (AppointmentStatus.UPCOMING.contains(visit.status())
                && !visit.startsAt().equals(c.appointmentStartsAt())) {
            return "moved";
        }
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
