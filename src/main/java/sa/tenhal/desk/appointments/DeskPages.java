package sa.tenhal.desk.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.ConfirmationMethod;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.shared.Language;
import sa.tenhal.visits.UnsignedNote;
import sa.tenhal.visits.VisitRecords;

/**
 * The day's work: the reception desk (today's appointments by clinic and provider, who is waiting, check in, confirm
 * by phone, cancel, no-show) and the provider's day (my appointments, start and complete). Every action goes through
 * the appointments module, so its rules and events apply exactly as through the API.
 */
@Controller
class DeskPages {

    static final String DESK = "hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST')";
    static final String CLINICAL = "hasAnyRole('ADMIN', 'MANAGER', 'PROVIDER', 'NURSE')";

    private final Calendar calendar;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final VisitLines lines;
    private final ClinicTime time;
    private final MessageSource messages;
    private final PatientReads reads;
    private final VisitRecords visits;
    private final PatientRegistry patients;

    /** A note of the clinician's still to sign, as "My day" lists it. */
    record UnsignedLine(UUID visitId, Instant visitAt, String patientName) {}

    DeskPages(
            Calendar calendar,
            Scheduling scheduling,
            ClinicCatalog catalog,
            VisitLines lines,
            ClinicTime time,
            MessageSource messages,
            PatientReads reads,
            VisitRecords visits,
            PatientRegistry patients) {
        this.reads = reads;
        this.visits = visits;
        this.patients = patients;
        this.calendar = calendar;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.lines = lines;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/desk")
    @PreAuthorize(DESK)
    String desk(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        LocalDate day = date == null ? time.today() : date;
        List<VisitLine> all = lines.of(day(day, null), language());
        reads.listed("Appointment", "page:desk", VisitLines.patients(all));
        // By clinic, then provider, in time order: how the front desk thinks of the day.
        Map<String, Map<String, List<VisitLine>>> byClinic = all.stream()
                .collect(Collectors.groupingBy(
                        VisitLine::clinic,
                        LinkedHashMap::new,
                        Collectors.groupingBy(VisitLine::provider, LinkedHashMap::new, Collectors.toList())));
        Instant now = time.now();
        model.addAttribute("day", day);
        model.addAttribute("today", day.equals(time.today()));
        model.addAttribute("byClinic", byClinic);
        model.addAttribute(
                "waiting",
                all.stream()
                        .filter(l -> l.appointment().status() == AppointmentStatus.ARRIVED)
                        .sorted(Comparator.comparing(l -> l.appointment().arrivedAt()))
                        .toList());
        model.addAttribute("now", now);
        model.addAttribute(
                "counts",
                all.stream().collect(Collectors.groupingBy(l -> l.appointment().status(), Collectors.counting())));
        model.addAttribute("critical", criticalResults());
        return "desk/desk";
    }

    @GetMapping("/my-day")
    @PreAuthorize(CLINICAL)
    String myDay(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        ProviderDetails provider =
                catalog.providerOf(new UserId(me.actingUserId())).orElse(null);
        // any day, so a clinician can look at tomorrow (or back at yesterday); today unless asked
        LocalDate day = date == null ? time.today() : date;
        List<VisitLine> visits = provider == null ? List.of() : lines.of(day(day, provider), language());
        model.addAttribute("day", day);
        model.addAttribute("today", day.equals(time.today()));
        model.addAttribute("back", "/my-day?date=" + day);
        reads.listed("Appointment", "page:my-day", VisitLines.patients(visits));
        model.addAttribute("provider", provider);
        model.addAttribute("visits", visits);
        model.addAttribute("now", time.now());
        List<UnsignedNote> unsigned = provider == null
                ? List.of()
                : this.visits.unsigned(List.of(provider.id().value()));
        Language language = language();
        model.addAttribute(
                "unsigned",
                unsigned.stream()
                        .map(n -> new UnsignedLine(
                                n.visitId(),
                                n.visitAt(),
                                patients.find(new PatientId(n.patientId()))
                                        .map(p -> p.fullName(language))
                                        .orElse("—")))
                        .toList());
        reads.listed(
                "VisitRecord",
                "page:my-day-unsigned",
                unsigned.stream().map(UnsignedNote::patientId).toList());
        model.addAttribute("critical", criticalResults());
        return "desk/my-day";
    }

    /** A critical result no one has reviewed, as the desk lists it (docs/results.md). */
    record CriticalResult(UUID orderId, String test, String patientName, String mrn) {}

    /**
     * Critical results not yet reviewed, among the patients whose clinical record the user may see (none for
     * reception): they stay on the desk until a clinician reviews them.
     */
    private List<CriticalResult> criticalResults() {
        Language language = language();
        return visits.criticalUnreviewed(20).stream()
                .map(o -> {
                    var patient = patients.find(o.patientId()).orElse(null);
                    return new CriticalResult(
                            o.orderId(),
                            o.display(),
                            patient == null ? "—" : patient.fullName(language),
                            patient == null ? "—" : patient.mrn());
                })
                .toList();
    }

    private List<AppointmentDetails> day(LocalDate day, ProviderDetails provider) {
        Instant from = day.atStartOfDay(time.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(time.zone()).toInstant();
        return calendar.list(
                        null,
                        provider == null ? null : provider.id(),
                        null,
                        null,
                        null,
                        from,
                        to,
                        PageRequest.of(0, 1000, Sort.by("startsAt")))
                .getContent();
    }

    @PostMapping("/desk/appointments/{id}/arrive")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'NURSE')")
    String arrive(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes r) {
        return act(back, r, "desk.arrived", () -> scheduling.arrive(new AppointmentId(id)));
    }

    @PostMapping("/desk/appointments/{id}/confirm")
    @PreAuthorize(DESK)
    String confirmByPhone(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes r) {
        return act(
                back, r, "desk.confirmed", () -> scheduling.confirm(new AppointmentId(id), ConfirmationMethod.PHONE));
    }

    @PostMapping("/desk/appointments/{id}/no-show")
    @PreAuthorize(DESK)
    String noShow(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes r) {
        return act(back, r, "desk.noShow", () -> scheduling.markNoShow(new AppointmentId(id)));
    }

    @PostMapping("/desk/appointments/{id}/cancel")
    @PreAuthorize(DESK)
    String cancel(
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String back,
            RedirectAttributes r) {
        return act(back, r, "desk.cancelled", () -> scheduling.cancel(new AppointmentId(id), reason));
    }

    @PostMapping("/desk/appointments/{id}/start")
    @PreAuthorize(CLINICAL)
    String start(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes r) {
        return act(back, r, "desk.started", () -> scheduling.start(new AppointmentId(id)));
    }

    @PostMapping("/desk/appointments/{id}/complete")
    @PreAuthorize(CLINICAL)
    String complete(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes r) {
        return act(back, r, "desk.completed", () -> scheduling.complete(new AppointmentId(id)));
    }

    private String act(String back, RedirectAttributes redirect, String notice, Supplier<AppointmentDetails> action) {
        return Forms.act(messages, redirect, notice, safe(back), action);
    }

    /** Only our own pages are gone back to: an open redirect would let a link send staff anywhere. */
    static String safe(String back) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/desk";
    }

    static Language language() {
        return Language.of(LocaleContextHolder.getLocale());
    }
}
