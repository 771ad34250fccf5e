package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientFixtures;
import sa.tenhal.patients.PatientRegistry;

/** Quiet hours belong to a patient on the record: an id that names no patient is a 404 whatever is asked. */
@TenhalIntegrationTest
class QuietHoursIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    PatientRegistry patients;

    @Test
    void quietHoursOfAPatientWhoDoesNotExistAre404() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        UUID nobody = UUID.randomUUID();
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/quiet-hours", nobody)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.resource")
                .isEqualTo("Patient");
        assertThat(mvc.delete()
                        .uri("/api/v1/patients/{id}/quiet-hours", nobody)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(404);
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}/quiet-hours", nobody)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"start\":\"21:00\",\"end\":\"09:00\"}"))
                .hasStatus(404);

        UUID patient = PatientFixtures.register(patients).value();
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/quiet-hours", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.custom")
                .isEqualTo(false);
    }

    @Test
    void aPatientsChannelOrderAndEveryChannelAreSetAndKeptApartFromQuietHours() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        UUID patient = PatientFixtures.register(patients).value();
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/channels", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.order")
                .asArray()
                .containsExactly("WHATSAPP", "SMS", "EMAIL");
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}/channels", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"order\":[\"SMS\"],\"everyChannel\":true}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.order")
                .asArray()
                .containsExactly("SMS", "WHATSAPP", "EMAIL");
        // resetting the quiet hours keeps the channel choice
        mvc.delete()
                .uri("/api/v1/patients/{id}/quiet-hours", patient)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/channels", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.everyChannel")
                .isEqualTo(true);
        // the inbox is not a patient's channel; a missing order names the field
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}/channels", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"order\":[\"IN_APP\"]}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("order");
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}/channels", patient)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"everyChannel\":true}"))
                .hasStatus4xxClientError();
    }
}
