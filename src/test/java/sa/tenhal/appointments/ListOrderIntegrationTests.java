package sa.tenhal.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ClinicId;
import sa.tenhal.clinics.ServiceId;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientFixtures;
import sa.tenhal.patients.PatientRegistry;

/**
 * A list sorted by a column many rows share (appointments starting at the same minute) still pages as one list:
 * every row on exactly one page, because every order ends with the id.
 */
@TenhalIntegrationTest
class ListOrderIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CatalogAdministration admin;

    @Autowired
    Schedules schedules;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    StaffFixtures staff;

    @Test
    void appointmentsStartingTogetherAppearOnceEachAcrossPages() {
        SchedulingFixture fixture = new SchedulingFixture(admin, schedules, staff);
        ClinicId clinic = fixture.clinic("TIE");
        ServiceId service = fixture.service(clinic, "TIE-45", 45, 0, null);
        Instant start = SchedulingFixture.at(SchedulingFixture.sunday(3), 9, 0);
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            booked.add(scheduling
                    .book(new Booking(
                            PatientFixtures.register(patients),
                            service,
                            fixture.provider(clinic),
                            null,
                            start,
                            null,
                            null))
                    .id()
                    .value()
                    .toString());
        }
        String bearer = staff.as(Role.RECEPTIONIST).bearer();
        for (String sort : new String[] {"startsAt", "startsAt,desc", "status"}) {
            List<String> seen = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                var answer = mvc.get()
                        .uri("/api/v1/appointments?clinicId={c}&size=2&page={p}&sort={s}", clinic.value(), page, sort)
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .exchange();
                assertThat(answer).hasStatusOk();
                List<String> ids = Bodies.read(answer, "$.content[*].id");
                seen.addAll(ids);
            }
            assertThat(seen).as(sort).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(booked);
        }
    }
}
