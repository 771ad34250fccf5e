package sa.tenhal.desk.appointments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentId;
import sa.tenhal.appointments.Availability;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.appointments.Slot;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomDetails;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.Actor;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.PatientReads;
import sa.tenhal.platform.ProblemException;
import sa.tenhal.shared.Language;

/**
 * The calendar: a day or a week for a clinic (one lane per provider), a provider or a room, in status colours; and
 * moving an appointment by picking a new free time, which reschedules it (its reminders and confirmation follow).
 */
@Controller
@RequestMapping("/calendar")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'RECEPTIONIST', 'PROVIDER', 'NURSE')")
class CalendarPages {

    /** An appointment on the calendar with the names a person reads. */
    record Block(Calendar.Entry entry, String patientName, String service) {}

    /** A lane (provider or room) with its blocks by local day. */
    record Row(String name, Map<LocalDate, List<Block>> days) {}

    private final Calendar calendar;
    private final Availability availability;
    private final Scheduling scheduling;
    private final ClinicCatalog catalog;
    private final PatientRegistry patients;
    private final ClinicTime time;
    private final Refusals refusals;
    private final PatientReads reads;

    CalendarPages(
            Calendar calendar,
            Availability availability,
            Scheduling scheduling,
            ClinicCatalog catalog,
            PatientRegistry patients,
            ClinicTime time,
            Refusals refusals,
            PatientReads reads) {
        this.reads = reads;
        this.calendar = calendar;
        this.availability = availability;
        this.scheduling = scheduling;
        this.catalog = catalog;
        this.patients = patients;
        this.time = time;
        this.refusals = refusals;
    }

    @GetMapping
    String calendar(
            @RequestParam(defaultValue = "day") String view,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID clinic,
            @RequestParam(required = false) UUID provider,
            @RequestParam(required = false) UUID room,
            Model model) {
        Language language = DeskPages.language();
        LocalDate day = date == null ? time.today() : date;
        Calendar.View shown = view.equals("week") ? Calendar.View.WEEK : Calendar.View.DAY;
        List<ClinicDetails> clinics = catalog.clinics(null, true, PageRequest.of(0, 200, Sort.by("code")))
                .getContent();
        if (clinic == null && provider == null && room == null) {
            // A provider opens their own calendar; everyone else the first clinic.
            Optional<ProviderDetails> me =
                    Optional.ofNullable(Actor.currentUserId()).flatMap(id -> catalog.providerOf(new UserId(id)));
            if (me.isPresent()) {
                provider = me.get().id().value();
            } else if (!clinics.isEmpty()) {
                clinic = clinics.get(0).id().value();
            }
        }
        List<RoomDetails> rooms = clinic == null ? List.of() : catalog.activeRooms(new ClinicId(clinic));
        model.addAttribute("view", shown == Calendar.View.WEEK ? "week" : "day");
        model.addAttribute("date", day);
        model.addAttribute("clinic", clinic);
        model.addAttribute("provider", provider);
        model.addAttribute("room", room);
        model.addAttribute("clinics", clinics);
        model.addAttribute("rooms", rooms);
        if (clinic == null && provider == null && room == null) {
            model.addAttribute("rows", List.of());
            model.addAttribute("days", List.of(day));
            return "desk/calendar";
        }
        Calendar.CalendarData data = calendar.calendar(
                shown,
                day,
                room != null || provider != null || clinic == null ? null : new ClinicId(clinic),
                room != null || provider == null ? null : new ProviderId(provider),
                room == null ? null : new RoomId(room));
        reads.listed("Appointment", "page:calendar", Calendar.patients(data));
        List<LocalDate> days = data.from().datesUntil(data.to().plusDays(1)).toList();
        Map<ServiceId, ServiceDetails> services = catalog.services(data.lanes().stream()
                .flatMap(l -> l.appointments().stream())
                .map(Calendar.Entry::serviceId)
                .collect(Collectors.toSet()));
        Map<sa.tenhal.patients.PatientId, String> names = new HashMap<>();
        List<Row> rows = data.lanes().stream()
                .map(lane -> new Row(
                        language == Language.AR ? lane.nameAr() : lane.nameEn(),
                        lane.appointments().stream()
                                .sorted(Comparator.comparing(Calendar.Entry::startsAt))
                                .map(e -> new Block(
                                        e,
                                        // no name on a block the reader may not see whose it is
                                        e.patientId() == null
                                                ? "—"
                                                : names.computeIfAbsent(e.patientId(), id -> patients.find(id)
                                                        .map(p -> p.fullName(language))
                                                        .orElse("—")),
                                        Optional.ofNullable(services.get(e.serviceId()))
                                                .map(s -> s.name(language))
                                                .orElse("—")))
                                .collect(Collectors.groupingBy(
                                        b -> time.local(b.entry().startsAt()).toLocalDate(),
                                        LinkedHashMap::new,
                                        Collectors.toList()))))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("days", days);
        model.addAttribute("previous", shown == Calendar.View.WEEK ? day.minusWeeks(1) : day.minusDays(1));
        model.addAttribute("next", shown == Calendar.View.WEEK ? day.plusWeeks(1) : day.plusDays(1));
        return "desk/calendar";
    }

    @GetMapping("/appointments/{id}/move")
    @PreAuthorize(DeskPages.DESK)
    String moveForm(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String anyProvider,
            Model model) {
        return showMove(scheduling.view(new AppointmentId(id)), date, anyProvider != null, model);
    }

    @PostMapping("/appointments/{id}/move")
    @PreAuthorize(DeskPages.DESK)
    String move(
            @PathVariable UUID id,
            @RequestParam java.time.Instant startsAt,
            @RequestParam UUID provider,
            @RequestParam(required = false) UUID room,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        AppointmentId appointment = new AppointmentId(id);
        try {
            scheduling.reschedule(
                    appointment,
                    startsAt,
                    new ProviderId(provider),
                    room == null ? null : new RoomId(room),
                    reason == null || reason.isBlank() ? null : reason.strip(),
                    null);
        } catch (ProblemException e) {
            model.addAttribute("refusal", refusals.explain(e));
            return showMove(scheduling.view(appointment), time.local(startsAt).toLocalDate(), false, model);
        }
        redirect.addFlashAttribute("notice", "desk.moved");
        return "redirect:/calendar?date=" + time.local(startsAt).toLocalDate() + "&provider=" + provider;
    }

    private String showMove(AppointmentDetails appointment, LocalDate date, boolean anyProvider, Model model) {
        Language language = DeskPages.language();
        LocalDate from = date == null || date.isBefore(time.today()) ? time.today() : date;
        List<Slot> slots = availability.slots(new Availability.SlotQuery(
                appointment.serviceId(), anyProvider ? null : appointment.providerId(), from, from.plusDays(6), null));
        Map<ProviderId, ProviderDetails> providers =
                catalog.providers(slots.stream().map(Slot::providerId).collect(Collectors.toSet()));
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm");
        Map<LocalDate, List<BookingPages.Offer>> byDay = slots.stream()
                .sorted(Comparator.comparing(Slot::startsAt))
                .map(s -> new BookingPages.Offer(
                        s,
                        Optional.ofNullable(providers.get(s.providerId()))
                                .map(p -> p.name(language))
                                .orElse("—"),
                        time.local(s.startsAt()).format(hour)))
                .collect(Collectors.groupingBy(
                        o -> time.local(o.slot().startsAt()).toLocalDate(), LinkedHashMap::new, Collectors.toList()));
        PatientDetails patient = patients.find(appointment.patientId()).orElse(null);
        model.addAttribute("appointment", appointment);
        model.addAttribute("patientName", patient == null ? "—" : patient.fullName(language));
        model.addAttribute("service", catalog.service(appointment.serviceId()).name(language));
        model.addAttribute("slotsByDay", byDay);
        model.addAttribute("date", from);
        model.addAttribute("anyProvider", anyProvider);
        return "desk/move";
    }
}
