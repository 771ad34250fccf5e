package sa.tenhal.desk;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.AppointmentStatus;
import sa.tenhal.appointments.Calendar;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.identity.Role;
import sa.tenhal.identity.StaffPrincipal;
import sa.tenhal.identity.UserId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ClinicTime;
import sa.tenhal.referrals.ReferralStatus;
import sa.tenhal.referrals.Referrals;

/**
 * The first page after signing in, by role: reception sees today's numbers and who is waiting; a provider their next
 * patients and referrals to answer; managers the day and the late referrals; everyone the way to their pages.
 */
@Controller
class HomePage {

    private final PatientRegistry patients;
    private final ClinicCatalog catalog;
    private final Calendar calendar;
    private final Referrals referrals;
    private final ClinicTime time;

    HomePage(PatientRegistry patients, ClinicCatalog catalog, Calendar calendar, Referrals referrals, ClinicTime time) {
        this.patients = patients;
        this.catalog = catalog;
        this.calendar = calendar;
        this.referrals = referrals;
        this.time = time;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("displayName", me.getDisplayName());
        model.addAttribute("roles", me.roles().stream().sorted().toList());
        model.addAttribute("patientCount", patients.activeCount());
        model.addAttribute(
                "clinicCount", catalog.clinics(null, true, Pageable.ofSize(1)).getTotalElements());
        model.addAttribute(
                "providerCount",
                catalog.providers(null, true, Pageable.ofSize(1)).getTotalElements());
        boolean desk = me.roles().contains(Role.RECEPTIONIST)
                || me.roles().contains(Role.MANAGER)
                || me.roles().contains(Role.ADMIN);
        Instant start = time.today().atStartOfDay(time.zone()).toInstant();
        Instant end = time.today().plusDays(1).atStartOfDay(time.zone()).toInstant();
        if (desk) {
            Map<AppointmentStatus, Long> today = new EnumMap<>(AppointmentStatus.class);
            calendar.list(null, null, null, null, null, start, end, PageRequest.of(0, 2000))
                    .forEach(a -> today.merge(a.status(), 1L, Long::sum));
            model.addAttribute("today", today);
            model.addAttribute(
                    "lateReferrals",
                    referrals.search(ReferralStatus.PENDING, null, null, null, PageRequest.of(0, 500)).stream()
                            .filter(r -> r.overdue())
                            .count());
        }
        ProviderDetails provider =
                catalog.providerOf(new UserId(me.actingUserId())).orElse(null);
        if (provider != null) {
            List<AppointmentDetails> mine = calendar
                    .list(
                            null,
                            provider.id(),
                            null,
                            null,
                            null,
                            time.now(),
                            end,
                            PageRequest.of(0, 5, Sort.by("startsAt")))
                    .getContent()
                    .stream()
                    .filter(a -> a.status().holdsTime())
                    .toList();
            model.addAttribute("next", mine);
            model.addAttribute(
                    "toAnswer",
                    referrals
                            .ofClinics(
                                    provider.clinicIds().stream()
                                            .map(c -> c.value())
                                            .toList(),
                                    true,
                                    ReferralStatus.PENDING,
                                    PageRequest.of(0, 1))
                            .getTotalElements());
        }
        return "home";
    }
}
