package sa.tenhal.desk.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.appointments.Schedules;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.ProviderDetails;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class SchedulePagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    Schedules schedules;

    @Test
    void aManagerSetsWorkingHoursAndMistakesAreSaidInWords() {
        String centre = Unique.code("SC");
        catalog.createCentre(new CentreForm(centre, "Centre", "مركز", null, null, null, null, null, null, null, null));
        ClinicDetails clinic = catalog.createClinic(
                new ClinicForm(centre, "PSY", "Psychology", "علم النفس", Discipline.PSYCHOLOGY, null));
        ProviderDetails provider = catalog.createProvider(new ProviderForm(
                staff.as(Role.PROVIDER).id().value(),
                "Nora Psych " + centre,
                "نورة",
                "PSY-" + centre,
                "Psychology",
                Set.of(clinic.id().value())));
        Cookie manager = Pages.signIn(mvc, staff.as(Role.MANAGER));

        MvcTestResult added = mvc.post()
                .uri("/admin/schedules/providers/{p}/hours", provider.id().value())
                .cookie(manager)
                .with(csrf())
                .param("clinic", clinic.id().value().toString())
                .param("starts", "09:00")
                .param("ends", "13:00")
                .param("days", "SUNDAY", "TUESDAY")
                .exchange();
        assertThat(added.getMvcResult().getFlashMap().get("notice")).isEqualTo("schedules.hoursAdded");
        assertThat(schedules.workingHours(provider.id()))
                .extracting(w -> w.day())
                .containsExactlyInAnyOrder(DayOfWeek.SUNDAY, DayOfWeek.TUESDAY);

        MvcTestResult backwards = mvc.post()
                .uri("/admin/schedules/providers/{p}/hours", provider.id().value())
                .cookie(manager)
                .with(csrf())
                .param("clinic", clinic.id().value().toString())
                .param("starts", "15:00")
                .param("ends", "14:00")
                .exchange();
        assertThat(backwards.getMvcResult().getFlashMap().get("problem")).isNotNull();
        assertThat(schedules.workingHours(provider.id())).hasSize(2);

        MvcTestResult page = mvc.get()
                .uri("/admin/schedules?provider={p}&lang=ar", provider.id().value())
                .cookie(manager)
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(Bodies.text(page)).contains("ساعات عمل", "09:00–13:00");

        assertThat(mvc.get()
                        .uri("/admin/schedules")
                        .cookie(Pages.signIn(mvc, staff.as(Role.RECEPTIONIST)))
                        .exchange())
                .hasStatus(403);
    }
}
