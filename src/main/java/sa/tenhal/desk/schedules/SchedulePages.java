package sa.tenhal.desk.schedules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import sa.tenhal.appointments.Schedules;
import sa.tenhal.appointments.WeeklyInterval;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.platform.Forms;

/**
 * Working hours and closures, for admins and managers: a provider's weekly hours per clinic (add an interval on chosen
 * days, remove one), their time off, and the centre's or a clinic's closures (the Eid holidays and the like).
 */
@Controller
@RequestMapping("/admin/schedules")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class SchedulePages {

    private final Schedules schedules;
    private final ClinicCatalog catalog;
    private final ClinicTime time;
    private final MessageSource messages;

    SchedulePages(Schedules schedules, ClinicCatalog catalog, ClinicTime time, MessageSource messages) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping
    String overview(@RequestParam(required = false) UUID provider, Model model) {
        List<ProviderDetails> providers = catalog.providers(null, true, PageRequest.of(0, 500, Sort.by("nameEn")))
                .getContent();
        Map<ClinicId, ClinicDetails> clinics = catalog.clinics(
                providers.stream().flatMap(p -> p.clinicIds().stream()).collect(Collectors.toSet()));
        model.addAttribute("providers", providers);
        model.addAttribute("clinics", clinics);
        model.addAttribute("days", Week.days(LocaleContextHolder.getLocale()));
        model.addAttribute(
                "closures",
                schedules.closures(
                        time.today().minusDays(1).atStartOfDay(time.zone()).toInstant()));
        model.addAttribute(
                "allClinics",
                catalog.clinics(null, true, PageRequest.of(0, 200)).getContent());
        if (provider != null) {
            ProviderDetails chosen = catalog.provider(new ProviderId(provider));
            model.addAttribute("provider", chosen);
            model.addAttribute(
                    "hours",
                    schedules.workingHours(chosen.id()).stream()
                            .sorted(Comparator.comparing((WeeklyInterval w) -> Week.position(w.day()))
                                    .thenComparing(WeeklyInterval::starts))
                            .toList());
            Instant now = time.now();
            model.addAttribute("timeOff", schedules.timeOff(chosen.id(), now, now.plusSeconds(365L * 24 * 3600)));
        }
        return "desk/schedules";
    }

    @PostMapping("/providers/{provider}/hours")
    String addHours(
            @PathVariable UUID provider,
            @RequestParam UUID clinic,
            @RequestParam(required = false) List<DayOfWeek> days,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime starts,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime ends,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "schedules.hoursAdded",
                provider,
                () -> schedules.addWorkingHours(
                        new ProviderId(provider),
                        new Schedules.WeeklySchedule(
                                new ClinicId(clinic),
                                validFrom == null ? time.today() : validFrom,
                                validTo,
                                days == null ? Set.of() : EnumSet.copyOf(days),
                                List.of(new Schedules.TimeRange(starts, ends)))));
    }

    @PostMapping("/providers/{provider}/hours/{id}/remove")
    String removeHours(@PathVariable UUID provider, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "schedules.hoursRemoved", provider, () -> {
            schedules.removeWorkingHours(new ProviderId(provider), id);
            return null;
        });
    }

    @PostMapping("/providers/{provider}/time-off")
    String addTimeOff(
            @PathVariable UUID provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "schedules.timeOffAdded",
                provider,
                () -> schedules.addTimeOff(
                        new ProviderId(provider),
                        from == null ? null : from.atStartOfDay(time.zone()).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1).atStartOfDay(time.zone()).toInstant(),
                        reason));
    }

    @PostMapping("/closures")
    String addClosure(
            @RequestParam(required = false) UUID clinic,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(
                redirect,
                "schedules.closureAdded",
                null,
                () -> schedules.addClosure(clinic == null ? null : new ClinicId(clinic), from, to, reason));
    }

    @PostMapping("/closures/{id}/remove")
    String removeClosure(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "schedules.closureRemoved", null, () -> {
            schedules.removeClosure(id);
            return null;
        });
    }

    private String act(
            RedirectAttributes redirect, String notice, UUID provider, java.util.function.Supplier<?> action) {
        return Forms.act(
                messages,
                redirect,
                notice,
                "/admin/schedules" + (provider == null ? "" : "?provider=" + provider),
                action);
    }
}
