package sa.tenhal.clinics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.CentreForm;
import sa.tenhal.clinics.ClinicCatalog;
import sa.tenhal.clinics.ClinicDetails;
import sa.tenhal.clinics.ClinicForm;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.Discipline;
import sa.tenhal.clinics.RoomForm;
import sa.tenhal.clinics.RoomId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceDetails;
import sa.tenhal.clinics.ServiceForm;
import sa.tenhal.clinics.VatCategory;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class CataloguePagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    ClinicCatalog catalog;

    String centre;
    ClinicDetails clinic;
    Cookie manager;

    @BeforeEach
    void aCentreWithAClinic() {
        centre = Unique.code("P");
        admin.createCentre(new CentreForm(
                centre, "Page Centre", "مركز الصفحات", null, null, null, null, null, null, "Riyadh", null));
        clinic = admin.createClinic(new ClinicForm(
                centre, "OT", "Occupational therapy", "العلاج الوظيفي", Discipline.OCCUPATIONAL_THERAPY, null));
        manager = Pages.signIn(mvc, staff.as(Role.MANAGER));
    }

    @Test
    void everyCataloguePageRendersInEnglishAndArabicForAManager() {
        for (String list : new String[] {"centres", "clinics", "providers", "rooms", "services"}) {
            MvcTestResult english =
                    mvc.get().uri("/admin/catalogue/" + list).cookie(manager).exchange();
            assertThat(english).as(list).hasStatusOk();
            MvcTestResult arabic = mvc.get()
                    .uri("/admin/catalogue/" + list + "?lang=ar")
                    .cookie(manager)
                    .exchange();
            assertThat(arabic).as(list).hasStatusOk();
            assertThat(Bodies.text(arabic))
                    .as(list)
                    .contains("dir=\"rtl\"", "العيادات", "الخدمات")
                    .doesNotContain("??");
        }
        for (String form : new String[] {"clinics", "providers", "rooms", "services"}) {
            assertThat(mvc.get()
                            .uri("/admin/catalogue/" + form + "/new?lang=ar")
                            .cookie(manager))
                    .as(form)
                    .hasStatusOk()
                    .bodyText()
                    .doesNotContain("??");
        }
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/catalogue/clinics?centre={c}", centre)
                        .cookie(manager)
                        .exchange()))
                .contains(
                        "Occupational therapy",
                        "/admin/catalogue/clinics/" + clinic.id().value() + "/edit");
    }

    @Test
    void aManagerCreatesAClinicAndSeesMistakesBesideTheirFieldsInArabic() {
        MvcTestResult mistakes = mvc.post()
                .uri("/admin/catalogue/clinics?lang=ar")
                .cookie(manager)
                .with(csrf())
                .param("centreCode", centre)
                .param("code", "a b")
                .param("nameEn", "Speech")
                .param("nameAr", "")
                .param("discipline", "SPEECH_LANGUAGE")
                .exchange();
        assertThat(mistakes).hasStatusOk();
        assertThat(Bodies.text(mistakes))
                .containsPattern("id=\"code\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"code\"")
                .contains("يجب أن يتكوّن من 2 إلى 10 أحرف لاتينية كبيرة أو أرقام أو &#39;-&#39;")
                .containsPattern("id=\"nameAr\"[^>]*class=\"[^\"]*invalid");

        // Lower case is taken as meant.
        MvcTestResult created = mvc.post()
                .uri("/admin/catalogue/clinics")
                .cookie(manager)
                .with(csrf())
                .param("centreCode", centre)
                .param("code", "slp")
                .param("nameEn", "Speech")
                .param("nameAr", "النطق")
                .param("discipline", "SPEECH_LANGUAGE")
                .param("phone", "0112345678")
                .exchange();
        assertThat(created).hasRedirectedUrl("/admin/catalogue/clinics");
        assertThat(catalog.clinics(centre, null, Pageable.unpaged()).stream().map(ClinicDetails::code))
                .contains("SLP");

        MvcTestResult duplicate = mvc.post()
                .uri("/admin/catalogue/clinics?lang=ar")
                .cookie(manager)
                .with(csrf())
                .param("centreCode", centre)
                .param("code", "SLP")
                .param("nameEn", "Speech again")
                .param("nameAr", "النطق مرة أخرى")
                .param("discipline", "SPEECH_LANGUAGE")
                .exchange();
        assertThat(Bodies.text(duplicate))
                .containsPattern("id=\"code\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"code\"")
                .contains("في هذا المركز عيادة بهذا الرمز.");
    }

    @Test
    void aServiceFormExplainsEveryMistakeAndSavesPriceAndVat() {
        MvcTestResult mistakes = mvc.post()
                .uri("/admin/catalogue/services?lang=ar")
                .cookie(manager)
                .with(csrf())
                .param("clinicId", clinic.id().value().toString())
                .param("code", "OT-EVAL")
                .param("nameEn", "Evaluation")
                .param("nameAr", "تقييم")
                .param("durationMinutes", "60")
                .param("bufferMinutes", "0")
                .param("price", "12.345")
                .param("vatCategory", "STANDARD")
                .exchange();
        assertThat(Bodies.text(mistakes))
                .containsPattern("id=\"price\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"price\"")
                .contains("يجب أن يكون مبلغاً لا يقل عن 0 وبخانتين عشريتين على الأكثر")
                .contains("value=\"12.345\"");

        // The service's own rule (steps of 5 minutes), in Arabic beside the duration.
        MvcTestResult steps = mvc.post()
                .uri("/admin/catalogue/services?lang=ar")
                .cookie(manager)
                .with(csrf())
                .param("clinicId", clinic.id().value().toString())
                .param("code", "OT-EVAL")
                .param("nameEn", "Evaluation")
                .param("nameAr", "تقييم")
                .param("durationMinutes", "62")
                .param("bufferMinutes", "0")
                .param("price", "400")
                .param("vatCategory", "STANDARD")
                .exchange();
        assertThat(Bodies.text(steps))
                .containsPattern(
                        "id=\"durationMinutes\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"durationMinutes\"")
                .contains("استخدم خطوات من 5 دقائق.");

        assertThat(mvc.post()
                        .uri("/admin/catalogue/services")
                        .cookie(manager)
                        .with(csrf())
                        .param("clinicId", clinic.id().value().toString())
                        .param("code", "ot-eval")
                        .param("nameEn", "Evaluation")
                        .param("nameAr", "تقييم")
                        .param("durationMinutes", "60")
                        .param("bufferMinutes", "15")
                        .param("price", "٤٠٠٫٥")
                        .param("vatCategory", "EXEMPT")
                        .param("roomKind", "ASSESSMENT"))
                .hasRedirectedUrl("/admin/catalogue/services");
        ServiceDetails saved = catalog.services(clinic.id(), null, Pageable.unpaged()).stream()
                .filter(s -> s.code().equals("OT-EVAL"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.price()).isEqualByComparingTo(new BigDecimal("400.50"));
        assertThat(saved.vatCategory()).isEqualTo(VatCategory.EXEMPT);
        assertThat(saved.roomKind()).isEqualTo(RoomKind.ASSESSMENT);
        assertThat(saved.bufferMinutes()).isEqualTo(15);

        String list = Bodies.text(mvc.get()
                .uri(
                        "/admin/catalogue/services?clinic={id}&lang=ar",
                        clinic.id().value())
                .cookie(manager)
                .exchange());
        assertThat(list).contains("OT-EVAL", "400.50 SAR", "60 دقيقة", "معفاة", "غرفة تقييم");
    }

    @Test
    void editingARoomKeepsItsCodeAndNoticesAConcurrentChange() {
        var room = admin.createRoom(
                new RoomForm(clinic.id().value(), "R1", "Room one", "الغرفة الأولى", RoomKind.THERAPY));
        UUID id = room.id().value();
        assertThat(mvc.get().uri("/admin/catalogue/rooms/{id}/edit", id).cookie(manager))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"R1\"", "readonly");

        assertThat(editRoom(id, room.version(), "Sensory room")).hasRedirectedUrl("/admin/catalogue/rooms");
        var edited = catalog.room(new RoomId(id));
        assertThat(edited.nameEn()).isEqualTo("Sensory room");
        assertThat(edited.code()).isEqualTo("R1");
        assertThat(edited.kind()).isEqualTo(RoomKind.SENSORY_INTEGRATION);

        MvcTestResult stale = editRoom(id, room.version(), "Again");
        assertThat(stale).hasStatusOk();
        assertThat(Bodies.text(stale)).contains("Someone else changed this record");
    }

    @Test
    void aProviderIsLinkedToAStaffUserWithTheRightRoleAndWorksInClinics() {
        var therapist = staff.as(Role.PROVIDER);
        var clerk = staff.as(Role.RECEPTIONIST);
        assertThat(mvc.get().uri("/admin/catalogue/providers/new").cookie(manager))
                .bodyText()
                .contains(therapist.username())
                .doesNotContain(clerk.username());

        MvcTestResult wrongRole = mvc.post()
                .uri("/admin/catalogue/providers?lang=ar")
                .cookie(manager)
                .with(csrf())
                .param("userId", clerk.id().value().toString())
                .param("nameEn", "Not A Therapist")
                .param("nameAr", "ليس معالجًا")
                .param("licenceNumber", "LIC-1")
                .param("specialty", "none")
                .param("clinicIds", clinic.id().value().toString())
                .exchange();
        assertThat(Bodies.text(wrongRole))
                .containsPattern("id=\"userId\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"userId\"")
                .contains("يحتاج حساب الموظف إلى دور طبيب/معالج أو ممرض.");

        MvcTestResult noClinic = mvc.post()
                .uri("/admin/catalogue/providers")
                .cookie(manager)
                .with(csrf())
                .param("userId", therapist.id().value().toString())
                .param("nameEn", "Reem Al-Shehri")
                .param("nameAr", "ريم الشهري")
                .param("licenceNumber", "SCFHS-77")
                .param("specialty", "Occupational therapy")
                .exchange();
        assertThat(Bodies.text(noClinic)).containsPattern("<fieldset class=\"invalid\">");

        assertThat(mvc.post()
                        .uri("/admin/catalogue/providers")
                        .cookie(manager)
                        .with(csrf())
                        .param("userId", therapist.id().value().toString())
                        .param("nameEn", "Reem Al-Shehri")
                        .param("nameAr", "ريم الشهري")
                        .param("licenceNumber", "SCFHS-77")
                        .param("specialty", "Occupational therapy")
                        .param("clinicIds", clinic.id().value().toString()))
                .hasRedirectedUrl("/admin/catalogue/providers");
        var provider = catalog.providerOf(therapist.id()).orElseThrow();
        assertThat(provider.clinicIds()).containsExactly(clinic.id());
        assertThat(Bodies.text(mvc.get()
                        .uri(
                                "/admin/catalogue/providers?clinic={id}",
                                clinic.id().value())
                        .cookie(manager)
                        .exchange()))
                .contains("Reem Al-Shehri", therapist.username(), "Occupational therapy");
    }

    @Test
    void deactivatingReturnsToTheFilteredListAndActivatingBringsItBack() {
        ServiceDetails service = admin.createService(new ServiceForm(
                clinic.id().value(), "OT-SES", "Session", "جلسة", 45, 0, new BigDecimal("300"), null, null));
        UUID id = service.id().value();
        String back = "/admin/catalogue/services?clinic=" + clinic.id().value();
        assertThat(mvc.post()
                        .uri("/admin/catalogue/services/{id}/deactivate", id)
                        .cookie(manager)
                        .with(csrf())
                        .param("back", back))
                .hasRedirectedUrl(back);
        assertThat(catalog.service(service.id()).active()).isFalse();
        // A return address outside the catalogue is not followed.
        assertThat(mvc.post()
                        .uri("/admin/catalogue/services/{id}/activate", id)
                        .cookie(manager)
                        .with(csrf())
                        .param("back", "https://elsewhere.example/admin/catalogue/services"))
                .hasRedirectedUrl("/admin/catalogue/services");
        assertThat(catalog.service(service.id()).active()).isTrue();
        assertThat(catalog.clinic(new ClinicId(clinic.id().value())).active()).isTrue();
    }

    @Test
    void onlyAdminsChangeCentresAndOnlyAdminsAndManagersOpenTheCatalogue() {
        assertThat(mvc.get().uri("/admin/catalogue/centres/new").cookie(manager).accept("text/html"))
                .hasStatus(403);
        Cookie adminSession = Pages.signIn(mvc, staff.as(Role.ADMIN));
        String code = Unique.code("N");
        MvcTestResult mistakes = mvc.post()
                .uri("/admin/catalogue/centres?lang=ar")
                .cookie(adminSession)
                .with(csrf())
                .param("code", code)
                .param("nameEn", "North")
                .param("nameAr", "الشمال")
                .param("vatNumber", "12345")
                .exchange();
        assertThat(Bodies.text(mistakes))
                .containsPattern("id=\"vatNumber\"[^>]*class=\"[^\"]*invalid")
                .contains("يجب أن يتكوّن من 15 رقمًا يبدأ وينتهي بالرقم 3");
        assertThat(mvc.post()
                        .uri("/admin/catalogue/centres")
                        .cookie(adminSession)
                        .with(csrf())
                        .param("code", code)
                        .param("nameEn", "North")
                        .param("nameAr", "الشمال")
                        .param("vatNumber", "300000000000003")
                        .param("postalCode", "12345"))
                .hasRedirectedUrl("/admin/catalogue/centres");
        assertThat(catalog.centre(code).vatNumber()).isEqualTo("300000000000003");

        for (Role role : Set.of(Role.RECEPTIONIST, Role.PROVIDER, Role.NURSE, Role.FINANCE)) {
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin/catalogue/clinics").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri(
                                    "/admin/catalogue/clinics/{id}/deactivate",
                                    clinic.id().value())
                            .cookie(session)
                            .with(csrf())
                            .accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
        }
        assertThat(catalog.clinic(clinic.id()).active()).isTrue();
    }

    private MvcTestResult editRoom(UUID id, long version, String nameEn) {
        return mvc.post()
                .uri("/admin/catalogue/rooms/{id}", id)
                .cookie(manager)
                .with(csrf())
                .param("nameEn", nameEn)
                .param("nameAr", "غرفة التكامل الحسي")
                .param("kind", "SENSORY_INTEGRATION")
                .param("version", Long.toString(version))
                .exchange();
    }
}
