package sa.tenhal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.clinics.ProviderForm;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.CareTeamFixtures;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.referrals.ReferralDetails;
import sa.tenhal.referrals.ReferralForm;
import sa.tenhal.referrals.Referrals;
import sa.tenhal.referrals.TestCentre;
import sa.tenhal.referrals.Urgency;

/**
 * The role × kind-of-data table of docs/security.md, cell by cell, on the API and on the pages: what each role sees of
 * a patient, a clinician's care team and "break the glass", and lists that return only what the role may see.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIntegrationTests {

    static final String REASON = "Fine motor delay seen during speech sessions";

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
    JdbcClient jdbc;

    TestCentre centre;
    Caller speechNurse;
    /** Looked after by the speech clinic (and, once referred, by OT). */
    PatientDetails seen;
    /** Looked after by no clinic. */
    PatientDetails unseen;

    ReferralDetails referral;
    final Map<Role, Caller> callers = new EnumMap<>(Role.class);
    final Map<Role, Cookie> sessions = new EnumMap<>(Role.class);

    @BeforeAll
    void aCentreWithTwoPatients() {
        centre = TestCentre.create(catalog, staff);
        speechNurse = staff.as(Role.NURSE);
        catalog.createProvider(new ProviderForm(
                speechNurse.id().value(),
                "Nadia Nurse",
                "نادية",
                "RN-" + UUID.randomUUID().toString().substring(0, 8),
                "Nursing",
                Set.of(centre.speech().id().value())));
        seen = patients.register(TestPatientForms.child(), true, "RYD");
        careTeams.lookAfter(seen.id(), centre.speech().id());
        unseen = patients.register(TestPatientForms.child(), true, "RYD");
        referral = referrals.create(new ReferralForm(
                seen.id().value(),
                centre.speech().id().value(),
                centre.speechProvider().id().value(),
                centre.ot().id().value(),
                null,
                REASON,
                Urgency.ROUTINE,
                null));
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.FINANCE)) {
            callers.put(role, staff.as(role));
        }
        callers.put(Role.PROVIDER, centre.speechTherapist());
        callers.put(Role.NURSE, speechNurse);
        callers.forEach((role, caller) -> sessions.put(role, Pages.signIn(mvc, caller)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // role,       identity, contact, guardians, appointments, referral, reason,  money
        "ADMIN,        200,      true,    true,      200,          200,      true,    200",
        "MANAGER,      200,      true,    true,      200,          200,      true,    200",
        "RECEPTIONIST, 200,      true,    true,      200,          200,      false,   200",
        "FINANCE,      200,      false,   false,     403,          403,      false,   200",
        // the speech clinic's clinicians look after the patient
        "PROVIDER,     200,      true,    true,      200,          200,      true,    403",
        "NURSE,        200,      true,    true,      200,          200,      true,    403",
    })
    void eachRoleSeesItsKindsOfAPatientsDataOnTheApi(
            Role role,
            int identity,
            boolean contact,
            boolean guardians,
            int appointments,
            int referralStatus,
            boolean reason,
            int money) {
        Caller caller = callers.get(role);
        MvcTestResult details = get(caller, "/api/v1/patients/" + seen.id());
        assertThat(details).as("identity").hasStatus(identity);
        assertThat(Bodies.<String>read(details, "$.identityDocument.number"))
                .isEqualTo(seen.identityDocument().number());
        assertThat(Bodies.<List<?>>read(details, "$.channels").isEmpty())
                .as("contact")
                .isEqualTo(!contact);
        assertThat(Bodies.<List<?>>read(details, "$.guardians").isEmpty())
                .as("guardians")
                .isEqualTo(!guardians);
        assertThat(get(caller, "/api/v1/patients/" + seen.id() + "/consents"))
                .as("consents travel with guardians")
                .hasStatus(guardians ? 200 : 403);
        assertThat(get(caller, "/api/v1/appointments?patientId=" + seen.id()))
                .as("appointments")
                .hasStatus(appointments);
        MvcTestResult ref = get(caller, "/api/v1/referrals/" + referral.id());
        assertThat(ref).as("referral").hasStatus(referralStatus);
        if (referralStatus == 200) {
            assertThat(Bodies.text(ref).contains(REASON)).as("referral reason").isEqualTo(reason);
        }
        assertThat(get(caller, "/api/v1/patients/" + seen.id() + "/account"))
                .as("money")
                .hasStatus(money);

        MvcTestResult summary = get(caller, "/api/v1/patients/" + seen.id() + "/summary");
        assertThat(summary).hasStatus(200);
        String body = Bodies.text(summary);
        assertThat(body.contains("\"appointments\"")).as("appointments section").isEqualTo(appointments == 200);
        assertThat(body.contains("\"finance\"")).as("money section").isEqualTo(money == 200);
        assertThat(body.contains(REASON)).as("reason in the summary").isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // role,       contact, guardians, referrals section, reason, money
        "ADMIN,        true,    true,      true,              true,   true",
        "MANAGER,      true,    true,      true,              true,   true",
        "RECEPTIONIST, true,    true,      true,              false,  true",
        "FINANCE,      false,   false,     false,             false,  true",
        "PROVIDER,     true,    true,      true,              true,   false",
        "NURSE,        true,    true,      true,              true,   false",
    })
    void eachRoleSeesItsSectionsOfTheProfilePage(
            Role role, boolean contact, boolean guardians, boolean referralSection, boolean reason, boolean money) {
        MvcTestResult profile = page(role, "/patients/" + seen.id());
        assertThat(profile).hasStatusOk();
        String page = Bodies.text(profile);
        assertThat(page).contains(seen.mrn());
        assertThat(page.contains("class=\"contact\"")).as("contact").isEqualTo(contact);
        assertThat(page.contains("id=\"guardians\"")).as("guardians").isEqualTo(guardians);
        assertThat(page.contains("id=\"consents\"")).as("consents").isEqualTo(guardians);
        assertThat(page.contains("id=\"referrals\"")).as("referrals").isEqualTo(referralSection);
        assertThat(page.contains(REASON)).as("reason").isEqualTo(reason);
        assertThat(page.contains("id=\"finance\"")).as("money").isEqualTo(money);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PROVIDER", "NURSE"})
    void aClinicianOutsideTheCareTeamIsRefusedAndMayBreakTheGlassWithAReason(Role role) {
        Caller clinician = callers.get(role);
        PatientDetails other = patients.register(TestPatientForms.child(), true, "RYD");

        MvcTestResult refused = get(clinician, "/api/v1/patients/" + other.id());
        assertThat(refused).hasStatus(403);
        assertThat(Bodies.<String>read(refused, "$.type")).isEqualTo("urn:tenhal:problem:not-in-care-team");
        assertThat(Bodies.text(refused)).doesNotContain(other.mrn(), other.familyNameEn());
        assertThat(get(clinician, "/api/v1/patients/" + other.id() + "/summary"))
                .hasStatus(403);
        assertThat(get(clinician, "/api/v1/appointments?patientId=" + other.id()))
                .hasStatus(403);
        MvcTestResult page = page(role, "/patients/" + other.id());
        assertThat(page).hasStatus(403);
        assertThat(page.getResponse().getForwardedUrl()).isEqualTo("/patients/" + other.id() + "/break-glass");
        assertThat(Bodies.text(page(role, "/patients/" + other.id() + "/break-glass")))
                .contains("id=\"break-glass\"")
                .doesNotContain(other.mrn());

        // A reason is required; with one, the record opens, and the audit trail keeps the reason.
        assertThat(post(clinician, "/api/v1/break-glass", "{\"patientId\":\"" + other.id() + "\",\"reason\":\"x\"}"))
                .hasStatus(422);
        MvcTestResult opened = post(clinician, "/api/v1/break-glass", """
                {"patientId":"%s","reason":"Covering for a colleague on leave today"}""".formatted(other.id()));
        assertThat(opened).hasStatus(201);
        assertThat(get(clinician, "/api/v1/patients/" + other.id())).hasStatus(200);
        assertThat(page(role, "/patients/" + other.id())).hasStatusOk();
        assertThat(jdbc.sql("""
                        select count(*) from audit_entry where action = 'BREAK_GLASS' and patient_id = :p
                           and user_id = :u and note = 'Covering for a colleague on leave today'""")
                        .param("p", other.id().value())
                        .param("u", clinician.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // nothing to break for a patient of the care team
        assertThat(post(clinician, "/api/v1/break-glass", """
                {"patientId":"%s","reason":"Covering for a colleague on leave today"}""".formatted(seen.id())))
                .hasStatus(409);

        // A manager reviews it, once.
        Caller manager = callers.get(Role.MANAGER);
        MvcTestResult waiting = get(manager, "/api/v1/break-glass?unreviewed=true&size=100");
        assertThat(waiting).hasStatus(200);
        String access = Bodies.read(opened, "$.id");
        assertThat(Bodies.<List<String>>read(waiting, "$.content[*].id")).contains(access);
        assertThat(post(manager, "/api/v1/break-glass/" + access + "/review", "{\"note\":\"Checked the rota\"}"))
                .hasStatus(200);
        assertThat(post(manager, "/api/v1/break-glass/" + access + "/review", "{}"))
                .hasStatus(409);
        assertThat(Bodies.<List<String>>read(
                        get(manager, "/api/v1/break-glass?unreviewed=true&size=100"), "$.content[*].id"))
                .doesNotContain(access);
        assertThat(page(Role.MANAGER, "/access-reviews?unreviewed=false")).hasStatusOk();
    }

    @Test
    void onlyCliniciansBreakTheGlassAndOnlyManagersReviewIt() {
        String body = "{\"patientId\":\"" + unseen.id() + "\",\"reason\":\"I would like to have a look\"}";
        for (Role role : List.of(Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.FINANCE)) {
            assertThat(post(callers.get(role), "/api/v1/break-glass", body))
                    .as(role.name())
                    .hasStatus(403);
        }
        for (Role role : List.of(Role.RECEPTIONIST, Role.FINANCE, Role.PROVIDER, Role.NURSE)) {
            assertThat(get(callers.get(role), "/api/v1/break-glass"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(page(role, "/access-reviews")).as(role.name()).hasStatus(403);
        }
    }

    @Test
    void listsReturnOnlyThePatientsAndTheDataARoleMaySee() {
        // A clinician's search finds the care team's patient, not the other.
        Caller therapist = callers.get(Role.PROVIDER);
        String byName = "/api/v1/patients/search?name=" + seen.familyNameEn();
        assertThat(Bodies.<List<String>>read(get(therapist, byName), "$.content[*].id"))
                .containsExactly(seen.id().toString());
        assertThat(Bodies.<List<?>>read(
                        get(therapist, "/api/v1/patients/search?name=" + unseen.familyNameEn()), "$.content"))
                .isEmpty();
        assertThat(Bodies.<List<String>>read(get(callers.get(Role.RECEPTIONIST), byName), "$.content[*].id"))
                .containsExactly(seen.id().toString());

        // The patient list: a clinician's holds only care-team patients; finance's carries no contact or guardians.
        MvcTestResult mine = get(therapist, "/api/v1/patients?size=100");
        assertThat(Bodies.<List<String>>read(mine, "$.content[*].id"))
                .contains(seen.id().toString())
                .doesNotContain(unseen.id().toString());
        MvcTestResult finance = get(callers.get(Role.FINANCE), "/api/v1/patients?size=100");
        assertThat(Bodies.<List<String>>read(finance, "$.content[*].id")).isNotEmpty();
        assertThat(Bodies.<List<List<?>>>read(finance, "$.content[*].guardians"))
                .allSatisfy(g -> assertThat(g).isEmpty());
        assertThat(Bodies.text(finance)).doesNotContain("\"mobile\"", "\"email\"", "\"phone\"");
        assertThat(Bodies.<List<String>>read(finance, "$.content[*].identityDocument.number"))
                .doesNotContainNull();
        assertThat(Bodies.<Integer>read(get(callers.get(Role.FINANCE), "/api/v1/patients?size=500"), "$.page.size"))
                .as("lists are capped")
                .isEqualTo(100);

        // A referral list shows the OT therapist (the receiving clinic's) the reason; reception sees no reason.
        String list = "/api/v1/referrals?patientId=" + seen.id();
        assertThat(Bodies.text(get(centre.occupationalTherapist(), list))).contains(REASON);
        assertThat(Bodies.text(get(callers.get(Role.RECEPTIONIST), list)))
                .contains(referral.id().toString())
                .doesNotContain(REASON);
    }

    private MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }

    private MvcTestResult post(Caller caller, String uri, String json) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult page(Role role, String uri) {
        return mvc.get().uri(uri).cookie(sessions.get(role)).exchange();
    }
}
