package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.appointments.Scheduling;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.SubscriberRelation;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.referrals.TestCentre;

/**
 * Payers and prior-authorisation rules kept through the API and the payers page (docs/nphies.md, "Payers"): who may
 * do what (a table of role × action), validation at the edge (422 naming the field, 409 for a NPHIES id another payer
 * has), the audit of every change, a new rule taking effect on the next booking, and the poll of every centre's
 * NPHIES licence.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayerAdministrationIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Scheduling scheduling;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payers payers;

    @Autowired
    Insurance insurance;

    @Autowired
    NphiesSimulator simulator;

    @Autowired
    PlatformTransactionManager transactionManager;

    final Map<Role, Caller> callers = new EnumMap<>(Role.class);
    final Map<Role, Cookie> sessions = new EnumMap<>(Role.class);
    NphiesFixture fixture;

    @BeforeAll
    void setUp() {
        fixture = NphiesFixture.in(context);
        for (Role role :
                List.of(Role.ADMIN, Role.MANAGER, Role.RECEPTIONIST, Role.FINANCE, Role.PROVIDER, Role.NURSE)) {
            callers.put(role, staff.as(role));
            sessions.put(role, Pages.signIn(mvc, callers.get(role)));
        }
    }

    static String unique(String prefix) {
        return prefix + Unique.digits(8);
    }

    static String payerJson(String id, String licence, String kind, String insurer) {
        return """
                {"payerId": "%s", "licence": "%s", "nameEn": "Test Insurance", "nameAr": "تأمين الاختبار",
                 "kind": "%s", "insurerLicence": %s}
                """.formatted(id, licence, kind, insurer == null ? "null" : "\"" + insurer + "\"");
    }

    String newPayer() {
        String id = unique("INS-T");
        payers.save(new Payers.Payer(id, unique("N-I-"), "Payer", "جهة", "INSURER", null, true), Instant.now());
        return id;
    }

    // ---- who may do what

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // role,       list, one, create, replace, deactivate, rules, add rule, remove rule, page
        "ADMIN,        200,  200, 201,    200,     200,        200,   201,      200,         200",
        "MANAGER,      200,  200, 201,    200,     200,        200,   201,      200,         200",
        "FINANCE,      200,  200, 403,    403,     403,        200,   403,      403,         200",
        "RECEPTIONIST, 403,  403, 403,    403,     403,        403,   403,      403,         403",
        "PROVIDER,     403,  403, 403,    403,     403,        403,   403,      403,         403",
        "NURSE,        403,  403, 403,    403,     403,        403,   403,      403,         403",
    })
    void eachRoleMayDoItsPartWithPayers(
            Role role,
            int list,
            int one,
            int create,
            int replace,
            int deactivate,
            int rules,
            int addRule,
            int removeRule,
            int page) {
        Caller caller = callers.get(role);
        String existing = newPayer();
        payers.requireAuthorisation(existing, "RULE-X");
        String base = "/api/v1/nphies/payers";

        assertThat(call(caller, "GET", base, null)).as("list").hasStatus(list);
        assertThat(call(caller, "GET", base + "/" + existing, null)).as("one").hasStatus(one);
        assertThat(call(caller, "POST", base, payerJson(unique("INS-R"), unique("N-I-"), "INSURER", null)))
                .as("create")
                .hasStatus(create);
        assertThat(call(caller, "PUT", base + "/" + existing, payerJson(existing, unique("N-I-"), "INSURER", null)))
                .as("replace")
                .hasStatus(replace);
        assertThat(call(caller, "POST", base + "/" + existing + "/deactivate", null))
                .as("deactivate")
                .hasStatus(deactivate);
        assertThat(call(caller, "GET", base + "/" + existing + "/prior-auth-rules", null))
                .as("rules")
                .hasStatus(rules);
        assertThat(call(caller, "POST", base + "/" + existing + "/prior-auth-rules", "{\"billingCode\": \"RULE-Y\"}"))
                .as("add rule")
                .hasStatus(addRule);
        assertThat(call(caller, "DELETE", base + "/" + existing + "/prior-auth-rules/RULE-X", null))
                .as("remove rule")
                .hasStatus(removeRule);
        assertThat(mvc.get().uri("/finance/payers").cookie(sessions.get(role)))
                .as("payers page")
                .hasStatus(page);
        // what a refused caller tried changed nothing
        if (create == 403) {
            Payers.Payer unchanged = payers.find(existing).orElseThrow();
            assertThat(unchanged.active()).isTrue();
            assertThat(payers.authorisationRules(existing)).containsExactly("RULE-X");
        }
    }

    // ---- validation at the edge

    @Test
    void invalidPayersAreRefusedNamingTheField() {
        Caller manager = callers.get(Role.MANAGER);
        String base = "/api/v1/nphies/payers";

        MvcTestResult blank = call(manager, "POST", base, "{\"payerId\": \"X-1\", \"kind\": \"BROKER\"}");
        assertThat(blank).hasStatus(422);
        assertThat(Bodies.<String>read(blank, "$.type")).isEqualTo("urn:tenhal:problem:invalid-fields");
        assertThat(Bodies.<List<String>>read(blank, "$.errors[*].field"))
                .contains("licence", "nameEn", "nameAr", "kind");

        MvcTestResult badLicence = call(manager, "POST", base, payerJson(unique("INS-V"), "N I 1", "INSURER", null));
        assertThat(badLicence).hasStatus(422);
        assertThat(Bodies.<List<String>>read(badLicence, "$.errors[*].field")).containsExactly("licence");

        MvcTestResult tpa = call(manager, "POST", base, payerJson(unique("TPA-V"), unique("N-T-"), "TPA", null));
        assertThat(tpa).hasStatus(422);
        assertThat(Bodies.<List<String>>read(tpa, "$.errors[*].field")).containsExactly("insurerLicence");

        // a NPHIES id another payer has: 409 naming the field and the payer that has it
        String taken = unique("N-I-");
        String holder = unique("INS-H");
        assertThat(call(manager, "POST", base, payerJson(holder, taken, "INSURER", null)))
                .hasStatus(201);
        MvcTestResult duplicate = call(manager, "POST", base, payerJson(unique("INS-D"), taken, "INSURER", null));
        assertThat(duplicate).hasStatus(409);
        assertThat(Bodies.<String>read(duplicate, "$.type")).isEqualTo("urn:tenhal:problem:duplicate-payer-licence");
        assertThat(Bodies.<String>read(duplicate, "$.field")).isEqualTo("licence");
        assertThat(Bodies.<String>read(duplicate, "$.payerId")).isEqualTo(holder);
        // …and on a replace of another payer
        String other = newPayer();
        assertThat(call(manager, "PUT", base + "/" + other, payerJson(other, taken, "INSURER", null)))
                .hasStatus(409);
        // the same id twice
        MvcTestResult sameId = call(manager, "POST", base, payerJson(holder, unique("N-I-"), "INSURER", null));
        assertThat(sameId).hasStatus(409);
        assertThat(Bodies.<String>read(sameId, "$.field")).isEqualTo("payerId");

        // rules: a code that is no billing code, a rule it has, one it has not, a payer that does not exist
        MvcTestResult badCode =
                call(manager, "POST", base + "/" + holder + "/prior-auth-rules", "{\"billingCode\": \"a b\"}");
        assertThat(badCode).hasStatus(422);
        assertThat(Bodies.<List<String>>read(badCode, "$.errors[*].field")).containsExactly("billingCode");
        assertThat(call(manager, "POST", base + "/" + holder + "/prior-auth-rules", "{\"billingCode\": \"*\"}"))
                .hasStatus(201);
        MvcTestResult twice =
                call(manager, "POST", base + "/" + holder + "/prior-auth-rules", "{\"billingCode\": \"*\"}");
        assertThat(twice).hasStatus(409);
        assertThat(Bodies.<String>read(twice, "$.field")).isEqualTo("billingCode");
        assertThat(call(manager, "DELETE", base + "/" + holder + "/prior-auth-rules/NOPE", null))
                .hasStatus(404);
        assertThat(call(manager, "GET", base + "/NO-SUCH-PAYER", null)).hasStatus(404);
    }

    // ---- audit

    @Test
    void everyChangeIsAudited() {
        Caller admin = callers.get(Role.ADMIN);
        String id = unique("INS-A");
        String base = "/api/v1/nphies/payers/" + id;
        assertThat(call(admin, "POST", "/api/v1/nphies/payers", payerJson(id, unique("N-I-"), "INSURER", null)))
                .hasStatus(201);
        assertThat(call(admin, "PUT", base, payerJson(id, unique("N-I-"), "INSURER", null)))
                .hasStatus(200);
        assertThat(call(admin, "POST", base + "/prior-auth-rules", "{\"billingCode\": \"SLP-9\"}"))
                .hasStatus(201);
        assertThat(call(admin, "DELETE", base + "/prior-auth-rules/SLP-9", null))
                .hasStatus(200);
        assertThat(call(admin, "POST", base + "/deactivate", null)).hasStatus(200);

        List<String> entries = jdbc.sql("select action || ' ' || coalesce(changed_fields, '') || ' ' || note from"
                        + " audit_entry where record_type = 'NphiesPayer' and record_id = :id and username = :user"
                        + " order by at, id")
                .param("id", PayerChanged.recordId(id))
                .param("user", admin.username())
                .query(String.class)
                .list();
        assertThat(entries)
                .containsExactly(
                        "CREATE  payer " + id,
                        "UPDATE licence payer " + id,
                        "UPDATE priorAuthRules payer " + id + ": rule added SLP-9",
                        "UPDATE priorAuthRules payer " + id + ": rule removed SLP-9",
                        "DEACTIVATE active payer " + id);
    }

    // ---- a new rule takes effect

    @Test
    void aNewRuleMakesTheNextBookingOfTheServiceAskForAnAuthorisation() {
        Caller manager = callers.get(Role.MANAGER);
        String payerId = unique("INS-N");
        assertThat(call(manager, "POST", "/api/v1/nphies/payers", payerJson(payerId, unique("N-I-"), "INSURER", null)))
                .hasStatus(201);
        PatientDetails child = insuredBy(payerId);
        var service = fixture.visit.session;
        LocalDate day = LocalDate.now(NphiesFixture.RIYADH).plusWeeks(3);
        assertThat(insurance.needsAuthorisation(child.id().value(), service.id().value(), day))
                .isFalse();
        AppointmentDetails before = fixture.book(child);

        assertThat(call(
                        manager,
                        "POST",
                        "/api/v1/nphies/payers/" + payerId + "/prior-auth-rules",
                        "{\"billingCode\": \"" + service.billingCode() + "\"}"))
                .hasStatus(201);

        assertThat(insurance.needsAuthorisation(child.id().value(), service.id().value(), day))
                .isTrue();
        // the appointment booked before the rule now warns reception that it lacks the authorisation
        assertThat(insurance.authorisationMissing(scheduling.get(before.id()))).isTrue();
        // the next booking asks the payer at once
        AppointmentDetails after = fixture.book(child);
        NphiesRecord authorisation = await().until(
                        () -> insurance.latestAuthorisation(after.id().value()), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(authorisation.kind()).isEqualTo("PRIOR_AUTH");
        assertThat(authorisation.payerId()).isEqualTo(payerId);

        // a deactivated payer is asked nothing: its coverage is unknown to NPHIES
        assertThat(call(manager, "POST", "/api/v1/nphies/payers/" + payerId + "/deactivate", null))
                .hasStatus(200);
        assertThat(insurance.needsAuthorisation(child.id().value(), service.id().value(), day))
                .isFalse();
    }

    /**
     * A booking's publications are stored in its transaction: an uninsured patient's booking stores none for NPHIES
     * (most bookings; no transaction after the booking's for it) — and, with no referral awaiting it and its
     * confirmation message queued in the booking's own transaction, none at all —, an insured patient's does.
     */
    @Test
    void onlyAnInsuredPatientsBookingIsPublishedToNphies() {
        PatientDetails uninsured = patients.register(TestPatientForms.child(), true, "RYD");
        PatientDetails insured = insuredBy(unique("INS-P"));
        assertThat(listenersStoredFor(uninsured)).isEmpty();
        assertThat(listenersStoredFor(insured)).anyMatch(id -> id.contains("NphiesListener"));
    }

    /** The listeners a booking of this patient stores publications for, read in its transaction (rolled back). */
    List<String> listenersStoredFor(PatientDetails patient) {
        return new TransactionTemplate(transactionManager).execute(tx -> {
            AppointmentDetails booked = fixture.book(patient);
            List<String> listeners = jdbc.sql(
                            "select listener_id from event_publication where serialized_event like :a")
                    .param("a", "%" + booked.id().value() + "%")
                    .query(String.class)
                    .list();
            tx.setRollbackOnly();
            return listeners;
        });
    }

    PatientDetails insuredBy(String payerId) {
        PatientDetails child = patients.register(TestPatientForms.child(), true, "RYD");
        return patients.addCoverage(
                child.id(),
                new PatientForm.CoverageForm(
                        null,
                        payerId,
                        "Test Insurance",
                        "T-" + NphiesFixture.MEMBERS.incrementAndGet() + 1,
                        "POL-1",
                        "B",
                        LocalDate.now(NphiesFixture.RIYADH).plusYears(1),
                        SubscriberRelation.CHILD,
                        "T-PARENT"));
    }

    // ---- the page

    @Test
    void managersKeepPayersOnThePageAndFinanceReadsIt() throws Exception {
        Cookie manager = sessions.get(Role.MANAGER);
        Cookie finance = sessions.get(Role.FINANCE);
        String id = unique("INS-P");
        String licence = unique("N-I-");

        assertThat(page(manager, "/finance/payers?lang=en")).contains("Insurance payers (NPHIES)", "Add a payer");
        assertThat(page(manager, "/finance/payers?lang=ar")).contains("جهات الدفع في التأمين (نفيس)", "إضافة جهة دفع");

        MvcTestResult created = mvc.post()
                .uri("/finance/payers")
                .cookie(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("payerId", id)
                .param("licence", licence)
                .param("nameEn", "Page Insurance")
                .param("nameAr", "تأمين الصفحة")
                .param("kind", "INSURER")
                .exchange();
        assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/finance/payers/" + id);
        assertThat(payers.find(id)).map(Payers.Payer::licence).contains(licence);

        // the same NPHIES id again: the form comes back with the message beside the field, in Arabic too
        MvcTestResult duplicate = mvc.post()
                .uri("/finance/payers?lang=ar")
                .cookie(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("payerId", unique("INS-P"))
                .param("licence", licence)
                .param("nameEn", "Other")
                .param("nameAr", "أخرى")
                .param("kind", "INSURER")
                .exchange();
        assertThat(duplicate).hasStatusOk();
        assertThat(duplicate.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("لجهة دفع أخرى هذا المعرّف في نفيس.");

        // a rule from the page; without CSRF nothing happens
        assertThat(mvc.post()
                        .uri("/finance/payers/" + id + "/rules")
                        .cookie(manager)
                        .param("billingCode", "*")
                        .exchange())
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/finance/payers/" + id + "/rules")
                        .cookie(manager)
                        .with(csrf())
                        .param("billingCode", "*")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(payers.authorisationRules(id)).containsExactly("*");
        assertThat(page(manager, "/finance/payers/" + id + "?lang=en"))
                .contains("Every service", "Remove", "Deactivate");

        // finance reads, without the forms, and cannot post
        String read = page(finance, "/finance/payers/" + id + "?lang=en");
        assertThat(read).contains("Page Insurance", licence, "Every service").doesNotContain("Deactivate", "Remove");
        assertThat(page(finance, "/finance/payers?lang=en")).contains(id).doesNotContain("Add the payer");
        assertThat(mvc.post()
                        .uri("/finance/payers/" + id + "/active")
                        .cookie(finance)
                        .with(csrf())
                        .param("active", "false")
                        .exchange())
                .hasStatus(403);
        assertThat(payers.find(id).orElseThrow().active()).isTrue();

        // a manager deactivates it, then saves a new name: it stays deactivated
        assertThat(mvc.post()
                        .uri("/finance/payers/" + id + "/active")
                        .cookie(manager)
                        .with(csrf())
                        .param("active", "false")
                        .exchange())
                .hasStatus3xxRedirection();
        assertThat(mvc.post()
                        .uri("/finance/payers/" + id)
                        .cookie(manager)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("licence", licence)
                        .param("nameEn", "Page Insurance Co.")
                        .param("nameAr", "تأمين الصفحة")
                        .param("kind", "INSURER")
                        .exchange())
                .hasStatus3xxRedirection();
        Payers.Payer saved = payers.find(id).orElseThrow();
        assertThat(saved.nameEn()).isEqualTo("Page Insurance Co.");
        assertThat(saved.active()).isFalse();
    }

    // ---- the poll asks for every centre's licence

    @Test
    void thePollAsksForEveryCentresNphiesLicence() {
        TestCentre second = TestCentre.create(catalog, staff);
        String first = unique("N-F-");
        String other = unique("N-F-");
        payers.saveProvider(
                new Payers.ProviderIdentity(
                        fixture.visit.centre.speech().centreCode(), first, null, "http://tenhal.sa/a"),
                Instant.now());
        payers.saveProvider(
                new Payers.ProviderIdentity(second.speech().centreCode(), other, null, "http://tenhal.sa/b"),
                Instant.now());

        insurance.poll();

        List<String> polled = simulator.received().stream()
                .filter(r -> "poll-request".equals(r.event()))
                .map(NphiesSimulator.Received::sender)
                .toList();
        assertThat(polled).contains(first, other);
        // a licence is polled once per run, however many centres share it
        assertThat(insurance.providersToPoll().stream().map(Parties.Provider::licence))
                .doesNotHaveDuplicates()
                .contains(first, other);
    }

    private String page(Cookie session, String uri) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MvcTestResult call(Caller caller, String method, String uri, String json) {
        var request =
                switch (method) {
                    case "GET" -> mvc.get().uri(uri);
                    case "POST" -> mvc.post().uri(uri);
                    case "PUT" -> mvc.put().uri(uri);
                    case "DELETE" -> mvc.delete().uri(uri);
                    default -> throw new IllegalArgumentException(method);
                };
        request.header(HttpHeaders.AUTHORIZATION, caller.bearer());
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }
}
