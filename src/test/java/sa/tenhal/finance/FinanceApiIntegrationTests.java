package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Json;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;

@TenhalIntegrationTest
class FinanceApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    FinanceFixtures f;
    Caller reception;
    Caller manager;
    Caller finance;

    @BeforeEach
    void setUp() {
        f = new FinanceFixtures(catalog, patients);
        reception = staff.as(Role.RECEPTIONIST);
        manager = staff.as(Role.MANAGER);
        finance = staff.as(Role.FINANCE);
    }

    MvcTestResult post(Caller caller, String uri, Object body, String idempotencyKey) {
        var request = mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : Json.of(body));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    MvcTestResult get(Caller caller, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .exchange();
    }

    /** A draft for two sessions, by API; returns its id. */
    String draft(PatientDetails patient) {
        MvcTestResult created = post(
                reception,
                "/api/v1/invoices",
                Map.of(
                        "patientId", patient.id().value(),
                        "clinicId", f.clinic.id().value(),
                        "lines", List.of(Map.of("serviceId", f.speech.id().value(), "quantity", 2))),
                null);
        assertThat(created).hasStatus(201);
        return Bodies.read(created, "$[0].id");
    }

    String issued(PatientDetails patient) {
        String id = draft(patient);
        assertThat(post(reception, "/api/v1/invoices/" + id + "/issue", "{}", null))
                .hasStatusOk();
        return id;
    }

    String snapshot(PatientDetails patient) {
        return jdbc.sql("""
                        select coalesce(string_agg(id || status || total || paid || credited || discount_total, ','
                                                   order by id), '')
                          || (select count(*) from payment where patient_id = :p)
                          || (select count(*) from refund r join payment p on p.id = r.payment_id
                              where p.patient_id = :p)
                        from invoice where patient_id = :p""")
                .param("p", patient.id().value())
                .query(String.class)
                .single();
    }

    @Test
    void anInvoiceIsIssuedAndPaidThroughTheApiAndARetriedPaymentIsRecordedOnce() {
        PatientDetails patient = f.resident();
        String id = issued(patient);
        MvcTestResult invoice = get(reception, "/api/v1/invoices/" + id);
        assertThat(invoice).bodyJson().extractingPath("$.number").asString().startsWith("INV-" + f.centre + "-");
        assertThat(invoice).bodyJson().extractingPath("$.total").isEqualTo(805.0);
        assertThat(invoice).bodyJson().extractingPath("$.dueDate").isNotNull();

        // more than the 805 owed: asked first (issue 20), nothing recorded until the credit is accepted
        MvcTestResult asked = post(
                reception,
                "/api/v1/payments",
                Map.of("patientId", patient.id().value(), "method", "CASH", "amount", new BigDecimal("1000.00")),
                UUID.randomUUID().toString());
        assertThat(asked).hasStatus(422);
        assertThat(Bodies.<String>read(asked, "$.errors[0].field")).isEqualTo("acceptCredit");
        assertThat(Bodies.<Double>read(asked, "$.credit")).isEqualTo(195.0);
        assertThat(get(reception, "/api/v1/invoices/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ISSUED");
        Map<String, Object> payment = Map.of(
                "patientId",
                patient.id().value(),
                "method",
                "CASH",
                "amount",
                new BigDecimal("1000.00"),
                "acceptCredit",
                true);
        String key = UUID.randomUUID().toString();
        MvcTestResult first = post(reception, "/api/v1/payments", payment, key);
        MvcTestResult again = post(reception, "/api/v1/payments", payment, key);
        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201).headers().hasValue("Idempotency-Replayed", "true");
        assertThat(Bodies.<String>read(again, "$.id")).isEqualTo(Bodies.read(first, "$.id"));
        assertThat(first).bodyJson().extractingPath("$.credit").isEqualTo(195.0);

        assertThat(get(reception, "/api/v1/invoices/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("PAID");
        MvcTestResult account = get(reception, "/api/v1/patients/" + patient.id() + "/account");
        assertThat(account).bodyJson().extractingPath("$.paid").isEqualTo(1000.0);
        assertThat(account).bodyJson().extractingPath("$.credit").isEqualTo(195.0);
        assertThat(account).bodyJson().extractingPath("$.balance").isEqualTo(-195.0);

        // the credit pays the next invoice
        String next = issued(patient);
        assertThat(post(reception, "/api/v1/patients/" + patient.id() + "/account/apply-credit", "{}", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.credit")
                .isEqualTo(0.0);
        assertThat(get(reception, "/api/v1/invoices/" + next))
                .bodyJson()
                .extractingPath("$.paid")
                .isEqualTo(195.0);
    }

    @Test
    void badAmountsAreRefusedWithA422AndChangeNothing() {
        PatientDetails patient = f.resident();
        String id = issued(patient);
        String before = snapshot(patient);
        for (String amount : new String[] {"-5.00", "0", "10.001", "1e-3"}) {
            MvcTestResult refused = post(
                    reception,
                    "/api/v1/payments",
                    "{\"patientId\":\"" + patient.id() + "\",\"method\":\"CASH\",\"amount\":" + amount + "}",
                    null);
            assertThat(refused).as(amount).hasStatus(422);
            assertThat(Bodies.text(refused)).as(amount).contains("amount");
        }
        // allocation above what is owed
        assertThat(post(
                        reception,
                        "/api/v1/payments",
                        Map.of(
                                "patientId",
                                patient.id().value(),
                                "method",
                                "CARD",
                                "amount",
                                900,
                                "allocations",
                                List.of(Map.of("invoiceId", id, "amount", 900))),
                        null))
                .hasStatus(422);
        assertThat(snapshot(patient)).isEqualTo(before);
    }

    @Test
    void allocatingToAnotherPatientsInvoiceIsRefused() {
        PatientDetails owner = f.resident();
        PatientDetails other = f.citizen();
        String id = issued(owner);
        String ownerBefore = snapshot(owner);
        String otherBefore = snapshot(other);
        MvcTestResult refused = post(
                reception,
                "/api/v1/payments",
                Map.of(
                        "patientId",
                        other.id().value(),
                        "method",
                        "CASH",
                        "amount",
                        100,
                        "allocations",
                        List.of(Map.of("invoiceId", id, "amount", 100))),
                null);
        assertThat(refused).hasStatus(422);
        assertThat(Bodies.text(refused)).contains("allocations[0].invoiceId", "not this patient's invoice");
        assertThat(snapshot(owner)).isEqualTo(ownerBefore);
        assertThat(snapshot(other)).isEqualTo(otherBefore);
    }

    @Test
    void aRefundIsNeverMoreThanWasPaidAndIssuesACreditNote() {
        PatientDetails patient = f.resident();
        String id = issued(patient);
        MvcTestResult paid = post(
                reception,
                "/api/v1/payments",
                Map.of(
                        "patientId",
                        patient.id().value(),
                        "method",
                        "MADA",
                        "amount",
                        500,
                        "allocations",
                        List.of(Map.of("invoiceId", id, "amount", 500))),
                null);
        String payment = Bodies.read(paid, "$.id");
        String before = snapshot(patient);
        MvcTestResult tooMuch = post(
                finance,
                "/api/v1/payments/" + payment + "/refunds",
                Map.of("invoiceId", id, "amount", new BigDecimal("500.01"), "reason", "double charge"),
                null);
        assertThat(tooMuch).hasStatus(422);
        assertThat(Bodies.text(tooMuch)).contains("500.00");
        assertThat(post(
                        finance,
                        "/api/v1/payments/" + payment + "/refunds",
                        Map.of("amount", 1, "reason", "no credit to refund"),
                        null))
                .hasStatus(422);
        assertThat(post(
                        reception,
                        "/api/v1/payments/" + payment + "/refunds",
                        Map.of("invoiceId", id, "amount", 100, "reason", "not allowed"),
                        null))
                .hasStatus(403);
        assertThat(snapshot(patient)).isEqualTo(before);

        MvcTestResult refund = post(
                finance,
                "/api/v1/payments/" + payment + "/refunds",
                Map.of("invoiceId", id, "amount", new BigDecimal("115.00"), "reason", "one session cancelled"),
                null);
        assertThat(refund).hasStatus(201);
        String note = Bodies.read(refund, "$.creditNote");
        MvcTestResult creditNote = get(finance, "/api/v1/invoices/" + note);
        assertThat(creditNote).bodyJson().extractingPath("$.kind").isEqualTo("CREDIT_NOTE");
        assertThat(creditNote).bodyJson().extractingPath("$.originalInvoiceId").isEqualTo(id);
        assertThat(creditNote).bodyJson().extractingPath("$.total").isEqualTo(115.0);
        assertThat(creditNote).bodyJson().extractingPath("$.vatTotal").isEqualTo(15.0);
        assertThat(creditNote)
                .bodyJson()
                .extractingPath("$.number")
                .asString()
                .isEqualTo("CRN-" + f.centre + "-000001");
        MvcTestResult invoice = get(finance, "/api/v1/invoices/" + id);
        assertThat(invoice).bodyJson().extractingPath("$.paid").isEqualTo(385.0);
        assertThat(invoice).bodyJson().extractingPath("$.credited").isEqualTo(115.0);
        assertThat(invoice).bodyJson().extractingPath("$.balance").isEqualTo(305.0);
        MvcTestResult account = get(finance, "/api/v1/patients/" + patient.id() + "/account");
        assertThat(account).bodyJson().extractingPath("$.balance").isEqualTo(305.0);
        assertThat(account).bodyJson().extractingPath("$.refunded").isEqualTo(115.0);
    }

    @Test
    void aDiscountAboveTheRolesLimitIsRefused() {
        PatientDetails patient = f.resident();
        String id = draft(patient);
        String before = snapshot(patient);
        MvcTestResult refused = post(
                reception,
                "/api/v1/invoices/" + id + "/discount",
                Map.of("percent", 15, "reason", "friend of the family"),
                null);
        assertThat(refused).hasStatus(403);
        assertThat(Bodies.text(refused)).contains("discount-above-limit", "10");
        // an amount counts by the percentage it is of what it discounts: 71 of 700 is above 10 %
        assertThat(post(
                        reception,
                        "/api/v1/invoices/" + id + "/discount",
                        Map.of("line", 1, "amount", 71, "reason", "friend"),
                        null))
                .hasStatus(403);
        assertThat(post(
                        reception,
                        "/api/v1/invoices/" + id + "/discount",
                        Map.of("percent", "5.555", "reason", "too precise"),
                        null))
                .hasStatus(422);
        assertThat(snapshot(patient)).isEqualTo(before);

        assertThat(post(
                        reception,
                        "/api/v1/invoices/" + id + "/discount",
                        Map.of("line", 1, "amount", 70, "reason", "sibling discount"),
                        null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(724.5);
        assertThat(post(
                        manager,
                        "/api/v1/invoices/" + id + "/discount",
                        Map.of("percent", 50, "reason", "hardship"),
                        null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(362.25);
        post(reception, "/api/v1/invoices/" + id + "/issue", "{}", null);
        assertThat(post(
                        manager,
                        "/api/v1/invoices/" + id + "/discount",
                        Map.of("percent", 1, "reason", "too late"),
                        null))
                .hasStatus(409);
        assertThat(post(manager, "/api/v1/invoices/" + id + "/cancel", "{}", null))
                .hasStatus(409);
    }

    @Test
    void providersSeeNoMoney() {
        Caller provider = staff.as(Role.PROVIDER);
        PatientDetails patient = f.resident();
        assertThat(get(provider, "/api/v1/invoices?patientId=" + patient.id())).hasStatus(403);
        assertThat(get(provider, "/api/v1/patients/" + patient.id() + "/account"))
                .hasStatus(403);
    }

    @Test
    void aDraftCanBeCancelledAndAnIssuedInvoiceIsCorrectedWithNotes() {
        PatientDetails patient = f.resident();
        String draft = draft(patient);
        assertThat(post(reception, "/api/v1/invoices/" + draft + "/cancel", "{}", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(post(reception, "/api/v1/invoices/" + draft + "/issue", "{}", null))
                .hasStatus(409);

        String id = issued(patient);
        MvcTestResult debit = post(
                finance,
                "/api/v1/invoices/" + id + "/debit-notes",
                Map.of(
                        "reason",
                        "extended session",
                        "lines",
                        List.of(Map.of(
                                "descriptionEn",
                                "Extra 15 minutes",
                                "descriptionAr",
                                "15 دقيقة إضافية",
                                "quantity",
                                1,
                                "unitPrice",
                                100))),
                null);
        assertThat(debit).hasStatus(201);
        assertThat(debit).bodyJson().extractingPath("$.kind").isEqualTo("DEBIT_NOTE");
        assertThat(debit).bodyJson().extractingPath("$.total").isEqualTo(115.0);
        assertThat(debit).bodyJson().extractingPath("$.originalInvoiceId").isEqualTo(id);
        assertThat(debit).bodyJson().extractingPath("$.number").asString().isEqualTo("DBN-" + f.centre + "-000001");

        MvcTestResult credit = post(
                finance,
                "/api/v1/invoices/" + id + "/credit-notes",
                Map.of("amount", 805.01, "reason", "more than is owed"),
                null);
        assertThat(credit).hasStatus(422);
        credit = post(
                finance,
                "/api/v1/invoices/" + id + "/credit-notes",
                Map.of("amount", 805, "reason", "visit not provided"),
                null);
        assertThat(credit).hasStatus(201);
        assertThat(get(finance, "/api/v1/invoices/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("CREDITED");
        assertThat(get(finance, "/api/v1/invoices/" + id + "/notes"))
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(2);
        // what is owed now is the debit note alone
        assertThat(get(finance, "/api/v1/patients/" + patient.id() + "/account"))
                .bodyJson()
                .extractingPath("$.owed")
                .isEqualTo(115.0);
    }

    @Test
    void theApiIsDescribedAndListsFilterByStatusAndKind() {
        PatientDetails patient = f.resident();
        issued(patient);
        assertThat(get(finance, "/api/v1/invoices?status=ISSUED&kind=INVOICE&size=5&sort=issueDate,desc"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].status")
                .isEqualTo("ISSUED");
        assertThat(get(finance, "/api/v1/invoices?sort=total")).hasStatus(400);
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();
        assertThat(docs).hasStatusOk();
        assertThat(Bodies.text(docs))
                .contains(
                        "/api/v1/invoices/{id}/issue",
                        "/api/v1/payments/{id}/refunds",
                        "/api/v1/payments/imports",
                        "/api/v1/packages/{id}/refund",
                        "/api/v1/reports/financial");
    }
}
