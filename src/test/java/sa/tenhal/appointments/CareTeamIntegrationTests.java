package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
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
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.clinics.ProviderId;
import sa.tenhal.clinics.RoomKind;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;

/**
 * A booking puts the clinic on the patient's care team; clinicians of another clinic see the time a colleague's
 * appointment takes but not whose it is, in day lists, calendars and appointment lists, and cannot open it.
 */
@TenhalIntegrationTest
class CareTeamIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Schedules schedules;

    @Autowired
    PatientRegistry patients;

    @Test
    void aColleagueOfAnotherClinicSeesTheTimeTakenButNotThePatient() {
        SchedulingFixture fixture = new SchedulingFixture(admin, schedules, staff);
        ClinicId speech = fixture.clinic("SP");
        ClinicId ot = fixture.clinic("OT");
        ServiceId otSession = fixture.service(ot, "OT45", 45, 0, RoomKind.THERAPY);
        fixture.room(ot, "R1", RoomKind.THERAPY);
        Caller otTherapist = staff.as(Role.PROVIDER);
        ProviderId otProvider = provider(otTherapist, ot);
        Caller speechTherapist = staff.as(Role.PROVIDER);
        provider(speechTherapist, speech);
        Caller reception = staff.as(Role.RECEPTIONIST);
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");

        // Before the booking, the OT therapist cannot open the child.
        assertThat(get(otTherapist, "/api/v1/patients/" + child.id())).hasStatus(403);

        LocalDate day = SchedulingFixture.sunday(2);
        MvcTestResult booked = mvc.post()
                .uri("/api/v1/appointments")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"patientId":"%s","serviceId":"%s","providerId":"%s","startsAt":"%s","notes":"bring the splint"}
                        """.formatted(child.id(), otSession, otProvider, SchedulingFixture.at(day, 9, 0)))
                .exchange();
        assertThat(booked).hasStatus(201);
        String appointment = Bodies.read(booked, "$.id");

        // The booking made OT the child's care team: its therapist opens the child and the appointment.
        assertThat(get(otTherapist, "/api/v1/patients/" + child.id())).hasStatusOk();
        assertThat(get(otTherapist, "/api/v1/appointments/" + appointment)).hasStatusOk();
        MvcTestResult ownDay = get(otTherapist, "/api/v1/providers/" + otProvider + "/day?date=" + day);
        assertThat(Bodies.<List<String>>read(ownDay, "$.lines[*].mrn")).containsExactly(child.mrn());

        // The speech therapist, of another clinic, sees the OT therapist's day with the time taken, no patient.
        assertThat(get(speechTherapist, "/api/v1/patients/" + child.id())).hasStatus(403);
        assertThat(get(speechTherapist, "/api/v1/appointments/" + appointment)).hasStatus(403);
        MvcTestResult colleaguesDay = get(speechTherapist, "/api/v1/providers/" + otProvider + "/day?date=" + day);
        assertThat(colleaguesDay).hasStatusOk();
        assertThat(Bodies.<List<String>>read(colleaguesDay, "$.lines[*].starts"))
                .containsExactly("09:00:00");
        assertThat(Bodies.text(colleaguesDay))
                .doesNotContain(child.mrn(), child.familyNameEn(), child.id().toString());
        MvcTestResult calendar = get(speechTherapist, "/api/v1/calendar?date=" + day + "&clinicId=" + ot);
        assertThat(calendar).hasStatusOk();
        assertThat(Bodies.<List<String>>read(calendar, "$.lanes[*].appointments[*].id"))
                .containsExactly(appointment);
        assertThat(Bodies.text(calendar)).doesNotContain(child.id().toString());
        MvcTestResult list =
                get(speechTherapist, "/api/v1/appointments?providerId=" + otProvider + "&from=" + day + "T00:00:00Z");
        assertThat(Bodies.<List<String>>read(list, "$.content[*].id")).containsExactly(appointment);
        assertThat(Bodies.text(list)).doesNotContain(child.id().toString(), "bring the splint");
        // and reception, who sees every patient, reads it whole
        assertThat(Bodies.text(get(reception, "/api/v1/calendar?date=" + day + "&clinicId=" + ot)))
                .contains(child.id().toString());
    }

    private ProviderId provider(Caller caller, ClinicId clinic) {
        ProviderId id = admin.createProvider(new ProviderForm(
                        caller.id().value(),
                        "Provider " + caller.username(),
                        "معالج",
                        "SCFHS-2",
                        "Therapy",
                        Set.of(clinic.value())))
                .id();
        schedules.addWorkingHours(
                id,
                new Schedules.WeeklySchedule(
                        clinic,
                        LocalDate.now(SchedulingFixture.RIYADH).minusDays(1),
                        null,
                        Set.of(),
                        List.of(new Schedules.TimeRange(LocalTime.of(8, 0), LocalTime.of(16, 0)))));
        return id;
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }
}
