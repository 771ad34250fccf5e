package sa.tenhal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.CareTeamFixtures;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.platform.Ids;
import sa.tenhal.referrals.ReferralDetails;
import sa.tenhal.referrals.ReferralForm;
import sa.tenhal.referrals.Referrals;
import sa.tenhal.referrals.TestCentre;
import sa.tenhal.referrals.Urgency;

/**
 * Every read of patient data leaves an entry, lists included: one entry per request naming every patient it returned,
 * whichever role reads; and a user who reads unusually many patients in an hour is reported to the admins.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAuditIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Referrals referrals;

    @Autowired
    CareTeamFixtures careTeams;

    @Autowired
    AccessMonitor monitor;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    TestCentre centre;
    PatientDetails patient;
    ReferralDetails referral;

    @BeforeAll
    void aPatientOfTheSpeechClinic() {
        centre = TestCentre.create(catalog, staff);
        patient = patients.register(TestPatientForms.child(), true, "RYD");
        careTeams.lookAfter(patient.id(), centre.speech().id());
        referral = referrals.create(new ReferralForm(
                patient.id().value(),
                centre.speech().id().value(),
                null,
                centre.ot().id().value(),
                null,
                "Motor planning difficulties",
                Urgency.ROUTINE,
                null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ADMIN,        /api/v1/patients/search?name=",
        "MANAGER,      /api/v1/patients/search?name=",
        "RECEPTIONIST, /api/v1/patients/search?name=",
        "FINANCE,      /api/v1/patients/search?name=",
        "PROVIDER,     /api/v1/patients/search?name=",
        "ADMIN,        /api/v1/referrals?patientId=",
        "RECEPTIONIST, /api/v1/appointments?patientId=",
        "PROVIDER,     /api/v1/referrals?patientId=",
        "NURSE,        /api/v1/appointments?patientId=",
    })
    void aListReadThroughTheApiIsOneEntryNamingThePatientsItReturned(Role role, String list) {
        Caller caller = speechClinician(role);
        String uri = list
                + (list.contains("name=")
                        ? patient.familyNameEn()
                        : patient.id().toString());
        MvcTestResult read = mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
        assertThat(read).hasStatusOk();
        if (uri.contains("/appointments")) {
            return; // the patient has no appointments: nothing was read, so nothing is recorded
        }
        assertThat(listEntriesNaming(caller)).as("entries naming the patient").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ADMIN,        /patients?q=",
        "RECEPTIONIST, /patients?q=",
        "FINANCE,      /patients?q=",
        "NURSE,        /patients?q=",
        "MANAGER,      /referrals",
        "NURSE,        /referrals?view=incoming",
    })
    void aListReadOnAPageIsOneEntryNamingThePatientsItShowed(Role role, String page) {
        Caller caller = speechClinician(role);
        Cookie session = Pages.signIn(mvc, caller);
        String uri = page.endsWith("q=") ? page + patient.familyNameEn() : page;
        assertThat(mvc.get().uri(uri).cookie(session).exchange()).hasStatusOk();
        if (uri.startsWith("/referrals") && role == Role.NURSE) {
            // the referral went out of the speech clinic: the nurse's incoming list does not hold it
            assertThat(listEntriesNaming(caller)).isZero();
            return;
        }
        assertThat(listEntriesNaming(caller)).isEqualTo(1);
    }

    @Test
    void aSingleRecordReadNamesItsPatient() {
        Caller reception = staff.as(Role.RECEPTIONIST);
        assertThat(mvc.get()
                        .uri("/api/v1/referrals/" + referral.id())
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .exchange())
                .hasStatusOk();
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where user_id = :u and action = 'READ'
                           and record_type = 'Referral' and record_id = :r and patient_id = :p""")
                        .param("u", reception.id().value())
                        .param("r", referral.id())
                        .param("p", patient.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // and the audit log finds the list entries and the single reads by the patient
        Caller admin = staff.as(Role.ADMIN);
        MvcTestResult log = mvc.get()
                .uri("/api/v1/audit?patientId=" + patient.id() + "&size=100")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange();
        assertThat(log).hasStatusOk();
        assertThat(Bodies.<List<String>>read(log, "$.content[*].action")).contains("READ");
    }

    @Test
    void someoneReadingUnusuallyManyPatientsInAnHourIsReportedToAdminsOnce() {
        Caller copier = staff.as(Role.RECEPTIONIST);
        Caller admin = staff.as(Role.ADMIN);
        // three pages of a list that named 90 patients each: 270 distinct patients within the hour
        for (int page = 0; page < 3; page++) {
            List<UUID> named = new ArrayList<>();
            for (int i = 0; i < 90; i++) {
                named.add(UUID.randomUUID());
            }
            jdbc.sql("""
                            insert into audit_entry (at, user_id, username, record_type, action, note, patient_ids)
                            values (:at, :u, :name, 'Patient', 'LIST', 'api:patients', cast(:ids as uuid[]))""")
                    .param("at", Timestamp.from(clock.instant().minus(Duration.ofMinutes(10 * page))))
                    .param("u", copier.id().value())
                    .param("name", copier.username())
                    .param("ids", Ids.sqlArray(named))
                    .update();
        }
        assertThat(monitor.check())
                .extracting(AccessMonitor.Reader::userId)
                .contains(copier.id().value());
        assertThat(monitor.check())
                .as("once per user and hour")
                .extracting(AccessMonitor.Reader::userId)
                .doesNotContain(copier.id().value());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.sql("""
                                select count(*) from staff_notification
                                 where user_id = :admin and kind = 'unusual-patient-access' and title like :who""")
                        .param("admin", admin.id().value())
                        .param("who", "%" + copier.username() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1));
    }

    /** A staff user of the role; a clinician works in the speech clinic, which looks after the patient. */
    private Caller speechClinician(Role role) {
        Caller caller = staff.as(role);
        if (Set.of(Role.PROVIDER, Role.NURSE).contains(role)) {
            catalog.createProvider(new sa.tenhal.clinics.ProviderForm(
                    caller.id().value(),
                    "Clinician " + role,
                    "ممارس",
                    "LIC-" + UUID.randomUUID().toString().substring(0, 8),
                    "Speech",
                    Set.of(centre.speech().id().value())));
        }
        return caller;
    }

    private long listEntriesNaming(Caller caller) {
        return jdbc.sql("""
                        select count(*) from audit_entry where user_id = :u and action = 'LIST'
                           and patient_ids @> array[cast(:p as uuid)]""")
                .param("u", caller.id().value())
                .param("p", patient.id().value())
                .query(Long.class)
                .single();
    }
}
