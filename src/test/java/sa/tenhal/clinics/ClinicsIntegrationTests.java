package sa.tenhal.clinics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class ClinicsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    Caller admin;
    Caller manager;
    String centre;

    @BeforeEach
    void centre() {
        admin = staff.as(Role.ADMIN);
        manager = staff.as(Role.MANAGER);
        centre = Unique.code("C");
        assertThat(post(admin, "/api/v1/centres", """
                {"code":"%s","nameEn":"Jeddah Centre","nameAr":"مركز جدة","vatNumber":"300000000000003",
                 "buildingNumber":"1234","postalCode":"21577","phone":"0126543210"}
                """.formatted(centre))).hasStatus(201);
    }

    MvcTestResult post(Caller caller, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    String clinic(String code) {
        MvcTestResult created = post(manager, "/api/v1/clinics", """
                {"centreCode":"%s","code":"%s","nameEn":"Speech Therapy","nameAr":"علاج النطق","discipline":"SPEECH_LANGUAGE"}
                """.formatted(centre, code));
        assertThat(created).hasStatus(201);
        return Bodies.read(created, "$.id");
    }

    @Test
    void aManagerBuildsAClinicWithRoomsServicesAndProviders() {
        String clinicId = clinic("SLP");
        assertThat(post(manager, "/api/v1/rooms", """
                {"clinicId":"%s","code":"S1","nameEn":"Speech room","nameAr":"غرفة النطق","kind":"THERAPY"}
                """.formatted(clinicId))).hasStatus(201);
        MvcTestResult service = post(manager, "/api/v1/services", """
                {"clinicId":"%s","code":"SLP-SES","nameEn":"Session","nameAr":"جلسة","durationMinutes":45,"bufferMinutes":15,
                 "price":350,"roomKind":"THERAPY"}
                """.formatted(clinicId));
        assertThat(service).hasStatus(201).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.price").isEqualTo(350.00);
            assertThat(json).extractingPath("$.vatCategory").isEqualTo("STANDARD");
        });
        Caller therapist = staff.as(Role.PROVIDER);
        MvcTestResult provider = post(manager, "/api/v1/providers", """
                {"userId":"%s","nameEn":"Reem Al-Shehri","nameAr":"ريم الشهري","licenceNumber":"SCFHS-1","specialty":"SLP",
                 "clinicIds":["%s"]}
                """.formatted(therapist.id(), clinicId));
        assertThat(provider).hasStatus(201);

        assertThat(mvc.get()
                        .uri("/api/v1/providers?clinicId={c}", clinicId)
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                staff.as(Role.RECEPTIONIST).bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].userId")
                .isEqualTo(therapist.id().toString());
    }

    @Test
    void codesAreUniqueWhereTheyAreUsed() {
        clinic("OT");
        assertThat(post(manager, "/api/v1/clinics", """
                {"centreCode":"%s","code":"OT","nameEn":"Again","nameAr":"مرة أخرى","discipline":"OCCUPATIONAL_THERAPY"}
                """.formatted(centre)))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.field")
                .isEqualTo("code");
    }

    @Test
    void everyFieldIsValidated() {
        String clinicId = clinic("PSY");
        assertThat(post(manager, "/api/v1/services", """
                {"clinicId":"%s","code":"bad code","nameEn":"","nameAr":"x","durationMinutes":3,"price":-1.005}
                """.formatted(clinicId)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("code", "nameEn", "durationMinutes", "price");
        assertThat(post(manager, "/api/v1/services", """
                {"clinicId":"%s","code":"PSY-1","nameEn":"Session","nameAr":"جلسة","durationMinutes":47,"price":100}
                """.formatted(clinicId)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("durationMinutes");
        assertThat(post(manager, "/api/v1/clinics", """
                {"centreCode":"NOPE","code":"X1","nameEn":"X","nameAr":"س","discipline":"ABA"}
                """))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("centreCode");
        assertThat(post(manager, "/api/v1/clinics", """
                {"centreCode":"%s","code":"X2","nameEn":"X","nameAr":"س","discipline":"ASTROLOGY"}
                """.formatted(centre)))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.field")
                .isEqualTo("discipline");
    }

    @Test
    void aProviderMustBeAClinicalStaffUser() {
        String clinicId = clinic("MED");
        Caller finance = staff.as(Role.FINANCE);
        assertThat(post(manager, "/api/v1/providers", """
                {"userId":"%s","nameEn":"Not A Doctor","nameAr":"ليس طبيباً","licenceNumber":"X-1","specialty":"None","clinicIds":["%s"]}
                """.formatted(finance.id(), clinicId)))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("userId");
    }

    @Test
    void updatesNeedTheVersionAndDeactivationKeepsTheRecord() {
        String clinicId = clinic("ABA");
        MvcTestResult read = mvc.get()
                .uri("/api/v1/clinics/{id}", clinicId)
                .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                .exchange();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        String renamed = """
                {"centreCode":"%s","code":"ABA","nameEn":"Behaviour Analysis","nameAr":"تحليل السلوك","discipline":"ABA"}
                """.formatted(centre);
        assertThat(mvc.put()
                        .uri("/api/v1/clinics/{id}", clinicId)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(renamed))
                .hasStatus(428);
        assertThat(mvc.put()
                        .uri("/api/v1/clinics/{id}", clinicId)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                        .header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(renamed))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.nameEn")
                .isEqualTo("Behaviour Analysis");
        assertThat(mvc.post()
                        .uri("/api/v1/clinics/{id}/deactivate", clinicId)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);
        assertThat(mvc.get().uri("/api/v1/clinics/{id}", clinicId).header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .hasStatusOk();
    }

    @Test
    void receptionReadsButDoesNotChangeTheCatalogue() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        assertThat(mvc.get().uri("/api/v1/clinics").header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk();
        assertThat(post(reception, "/api/v1/clinics", """
                {"centreCode":"%s","code":"NO","nameEn":"X","nameAr":"س","discipline":"ABA"}
                """.formatted(centre))).hasStatus(403);
    }
}
