package sa.tenhal.desk.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import sa.tenhal.appointments.Availability;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.Slot;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.shared.Language;

/**
 * Booking at the desk: find the patient (or register them), choose the service and a provider (or any provider), see
 * the free times of a week, book one — or collect times across clinics into a visit plan and book them all together.
 * A refused booking is explained in words: who or what is taken, and when.
 */
@Controller
@RequestMapping("/book")
@PreAuthorize(DeskPages.DESK)
class BookingPages {

    /** A free time as the page offers it. */
    record Offer(Slot slot, String provider, String text) {}

    /** One provider's free times on one day: the earliest first, {@code hidden} more on request. */
    record ProviderTimes(String provider, List<Offer> offers, int hidden) {}

    /** One day's free times, by provider. */
    record DayTimes(LocalDate day, List<ProviderTimes> providers) {}

    /** Without "more": the first days with a free time, and the first times of each provider on them. */
    static final int DAYS_SHOWN = 3;

    static final int TIMES_SHOWN = 4;

    /** A planned visit with names, for the plan list. */
    record PlanLine(PlannedVisit visit, String service, String provider, Instant startsAt) {}

    private final Availability availability;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final MessageSource messages;
    private final Refusals refusals;
    private final sa.tenhal.appointments.Waitlist waitlist;
    private final PatientReads reads;

    BookingPages(
            Availability availability,
            Scheduling scheduling,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time,
            MessageSource messages,
            Refusals refusals,
            sa.tenhal.appointments.Waitlist waitlist,
            PatientReads reads) {
        this.reads = reads;
        this.refusals = refusals;
        this.waitlist = waitlist;
        this.availability = availability;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) UUID patient,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID service,
            @RequestParam(required = false) UUID provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) List<String> plan,
            @RequestParam(defaultValue = "false") boolean more,
            Model model) {
        model.addAttribute("more", more);
        if (patient == null) {
            model.addAttribute("q", q);
            if (q != null && !q.isBlank()) {
                try {
                    model.addAttribute("results", patients.search(q.strip(), null, null, null, null, 0, 20));
                } catch (InvalidFieldsException e) {
                    model.addAttribute("problem", Forms.describe(messages, e));
                }
            }
            return "desk/book";
        }
        return show(patient, service, provider, date, plan == null ? List.of() : plan, model);
    }

    private String show(
            UUID patientId, UUID service, UUID provider, LocalDate date, List<String> planTexts, Model model) {
        Language language = DeskPages.language();
        PatientDetails patient = patients.find(new PatientId(patientId))
                .orElseThrow(() -> new sa.tenhal.platform.NotFoundException("Patient", patientId));
        reads.viewed("Patient", patientId, patientId, "page:book");
        LocalDate from = date == null || date.isBefore(time.today()) ? time.today() : date;
        List<ServiceDetails> services = catalog.services(null, true, PageRequest.of(0, 500, Sort.by("code")))
                .getContent();
        Map<ClinicId, ClinicDetails> clinics =
                catalog.clinics(services.stream().map(ServiceDetails::clinicId).collect(Collectors.toSet()));
        Map<String, List<ServiceDetails>> servicesByClinic = services.stream()
                .collect(Collectors.groupingBy(
                        s -> clinics.get(s.clinicId()).name(language), LinkedHashMap::new, Collectors.toList()));
        List<PlannedVisit> plan = planTexts.stream().map(PlannedVisit::parse).toList();

        model.addAttribute("patient", patient);
        model.addAttribute("servicesByClinic", servicesByClinic);
        model.addAttribute("service", service);
        model.addAttribute("provider", provider);
        model.addAttribute("date", from);
        model.addAttribute("plan", planLines(plan, language));
        model.addAttribute("planTexts", planTexts);
        if (service != null) {
            ServiceDetails chosen = catalog.service(new ServiceId(service));
            List<ProviderDetails> providers = catalog.activeProviders(chosen.clinicId());
            model.addAttribute("providers", providers);
            List<Slot> slots = availability.slots(new Availability.SlotQuery(
                    chosen.id(),
                    provider == null ? null : new ProviderId(provider),
                    from,
                    from.plusDays(6),
                    patient.id()));
            Map<ProviderId, ProviderDetails> names =
                    providers.stream().collect(Collectors.toMap(ProviderDetails::id, p -> p));
            DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm");
            Map<LocalDate, Map<String, List<Offer>>> byDay = slots.stream()
                    .sorted(Comparator.comparing(Slot::startsAt))
                    .map(s -> new Offer(
                            s,
                            names.containsKey(s.providerId())
                                    ? names.get(s.providerId()).name(language)
                                    : "—",
                            time.local(s.startsAt()).format(hour)))
                    .collect(Collectors.groupingBy(
                            o -> time.local(o.slot().startsAt()).toLocalDate(),
                            LinkedHashMap::new,
                            Collectors.groupingBy(Offer::provider, LinkedHashMap::new, Collectors.toList())));
            // The earliest free times first, by day and provider; the rest of the week on request ("more").
            boolean all = Boolean.TRUE.equals(model.getAttribute("more"));
            List<DayTimes> days = byDay.entrySet().stream()
                    .limit(all ? Long.MAX_VALUE : DAYS_SHOWN)
                    .map(d -> new DayTimes(
                            d.getKey(),
                            d.getValue().entrySet().stream()
                                    .map(p -> new ProviderTimes(
                                            p.getKey(),
                                            all
                                                    ? p.getValue()
                                                    : p.getValue().stream()
                                                            .limit(TIMES_SHOWN)
                                                            .toList(),
                                            all ? 0 : Math.max(0, p.getValue().size() - TIMES_SHOWN)))
                                    .toList()))
                    .toList();
            model.addAttribute("slotsByDay", days);
            model.addAttribute(
                    "moreTimes",
                    !all
                            && (byDay.size() > DAYS_SHOWN
                                    || days.stream().anyMatch(d -> d.providers().stream()
                                            .anyMatch(p -> p.hidden() > 0))));
            model.addAttribute("chosenService", chosen);
            model.addAttribute(
                    "weekDays",
                    sa.tenhal.desk.schedules.Week.days(
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        return "desk/book";
    }

    @PostMapping
    String book(
            @RequestParam UUID patient,
            @RequestParam UUID service,
            @RequestParam UUID provider,
            @RequestParam(required = false) UUID room,
            @RequestParam Instant startsAt,
            @RequestParam(defaultValue = "book") String action,
            @RequestParam(required = false) List<String> plan,
            Model model,
            RedirectAttributes redirect) {
        PlannedVisit visit = new PlannedVisit(service, provider, room, startsAt);
        List<String> planTexts = new ArrayList<>(plan == null ? List.of() : plan);
        if (action.equals("plan")) {
            planTexts.add(visit.text());
            return "redirect:"
                    + UriComponentsBuilder.fromPath("/book")
                            .queryParam("patient", patient)
                            .queryParam("plan", planTexts.toArray())
                            .encode()
                            .toUriString();
        }
        try {
            scheduling.book(visit.booking(new PatientId(patient)));
        } catch (ProblemException e) {
            model.addAttribute("refusal", refusals.explain(e));
            return show(patient, service, provider, time.local(startsAt).toLocalDate(), planTexts, model);
        }
        redirect.addFlashAttribute("notice", "desk.booked");
        return "redirect:/patients/" + patient + "#appointments";
    }

    /** No time suits: the patient waits for one, and is offered the first that frees up and fits their wishes. */
    @PostMapping("/waitlist")
    String waitlist(
            @RequestParam UUID patient,
            @RequestParam UUID service,
            @RequestParam(required = false) UUID provider,
            @RequestParam(required = false) List<java.time.DayOfWeek> days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) java.time.LocalTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) java.time.LocalTime to,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            Model model,
            RedirectAttributes redirect) {
        try {
            waitlist.join(new sa.tenhal.appointments.Waitlist.Wish(
                    new PatientId(patient),
                    new ServiceId(service),
                    provider == null ? null : new ProviderId(provider),
                    days == null ? java.util.Set.of() : java.util.EnumSet.copyOf(days),
                    from,
                    to,
                    until,
                    null));
        } catch (ProblemException e) {
            model.addAttribute("refusal", refusals.explain(e));
            return show(patient, service, provider, null, List.of(), model);
        }
        redirect.addFlashAttribute("notice", "desk.waiting.joined");
        return "redirect:/patients/" + patient;
    }

    @PostMapping("/plan")
    String bookPlan(
            @RequestParam UUID patient, @RequestParam List<String> plan, Model model, RedirectAttributes redirect) {
        PatientId patientId = new PatientId(patient);
        try {
            scheduling.bookItinerary(
                    patientId,
                    plan.stream()
                            .map(PlannedVisit::parse)
                            .map(v -> v.booking(patientId))
                            .toList());
        } catch (ProblemException e) {
            model.addAttribute("refusal", refusals.explain(e));
            return show(patient, null, null, null, plan, model);
        }
        redirect.addFlashAttribute("notice", "desk.planBooked");
        return "redirect:/patients/" + patient + "#appointments";
    }

    private List<PlanLine> planLines(List<PlannedVisit> plan, Language language) {
        Map<ServiceId, ServiceDetails> services = catalog.services(
                plan.stream().map(v -> new ServiceId(v.serviceId())).collect(Collectors.toSet()));
        Map<ProviderId, ProviderDetails> providers = catalog.providers(
                plan.stream().map(v -> new ProviderId(v.providerId())).collect(Collectors.toSet()));
        return plan.stream()
                .map(v -> new PlanLine(
                        v,
                        services.get(new ServiceId(v.serviceId())).name(language),
                        providers.get(new ProviderId(v.providerId())).name(language),
                        v.startsAt()))
                .toList();
    }
}
