package sa.tenhal.integrations.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.visits.VisitFixture;

/**
 * Results pushed over MLLP (docs/results.md): real-shaped ORU^R01 messages get the right ACK with their control id;
 * broken ones are refused whole (nothing half-stored); duplicates are stored once; corrections supersede with history;
 * matching by order number, then by identifiers with name and birth date, near-misses queued.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsMllpIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MllpListener listener;

    VisitFixture fixture;
    Caller therapist;

    @BeforeAll
    void aClinicWithAVisit() {
        fixture = VisitFixture.in(context);
        therapist = fixture.centre.speechTherapist();
    }

    @Test
    void aNumericResultWithRangesAndFlagsIsFiledOnItsOrderAndAcknowledgedWithItsControlId() throws Exception {
        PatientDetails child = fixture.child();
        String order = order(child, "718-7", "Haemoglobin");
        Oru oru = new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        "LAB-" + UUID.randomUUID(),
                        "58410-2",
                        "CBC panel",
                        "HM",
                        "F",
                        Oru.nm(1, "718-7", "Hemoglobin", "9.1", "g/dL", "11.5-15.5", "L", "F"),
                        Oru.nm(2, "6690-2", "WBC", "7.2", "10*3/uL", "4.0-11.0", "N", "F"),
                        Oru.nm(3, "777-3", "Platelets", "18", "10*3/uL", "150-400", "LL", "F"),
                        Oru.st(4, "882-1", "ABO+Rh group", "O Pos", "F"));

        String ack = send(oru.build());

        assertThat(ack).contains("MSA|AA|" + oru.controlId());
        var report = reportOfOrder(order);
        assertThat(report.matchState()).isEqualTo(ResultMatching.State.ORDER);
        assertThat(report.patientId()).isEqualTo(child.id().value());
        assertThat(report.flag().name()).isEqualTo("CRITICAL");
        assertThat(report.status()).isEqualTo(ResultStatus.FINAL);
        var observations = store.current(report.id());
        assertThat(observations)
                .extracting(ResultStore.StoredObservation::code)
                .containsExactly("718-7", "6690-2", "777-3", "882-1");
        assertThat(observations.get(0).value()).isEqualTo("9.1");
        assertThat(observations.get(0).unit()).isEqualTo("g/dL");
        assertThat(observations.get(0).refRange()).isEqualTo("11.5-15.5");
        assertThat(observations.get(0).flag().name()).isEqualTo("ABNORMAL");
        assertThat(observations.get(1).flag().name()).isEqualTo("NORMAL");
        assertThat(observations.get(2).flag().name()).isEqualTo("CRITICAL");
        assertThat(observations.get(3).value()).isEqualTo("O Pos");
        assertThat(orderStatus(order)).isEqualTo("RESULTED");
    }

    @Test
    void theSameMessageTwiceIsAcknowledgedTwiceAndStoredOnce() throws Exception {
        PatientDetails child = fixture.child();
        String order = order(child, "2345-7", "Glucose");
        String message = new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        "LAB-" + UUID.randomUUID(),
                        "2345-7",
                        "Glucose",
                        "CH",
                        "F",
                        Oru.nm(1, "2345-7", "Glucose", "5.4", "mmol/L", "3.9-6.1", "N", "F"))
                .build();
        assertThat(send(message)).contains("MSA|AA|");
        assertThat(send(message)).contains("MSA|AA|");
        var report = reportOfOrder(order);
        assertThat(store.history(report.id())).hasSize(1);
        assertThat(count("select count(*) from result_report where order_id = '" + order + "'"))
                .isEqualTo(1);
    }

    @Test
    void aCorrectionSupersedesTheValueAndTheHistoryStays() throws Exception {
        PatientDetails child = fixture.child();
        String order = order(child, "2823-3", "Potassium");
        String filler = "LAB-" + UUID.randomUUID();
        Oru first = new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        filler,
                        "2823-3",
                        "Potassium",
                        "CH",
                        "P",
                        Oru.nm(1, "2823-3", "Potassium", "6.9", "mmol/L", "3.5-5.1", "HH", "P"));
        assertThat(send(first.build())).contains("MSA|AA|" + first.controlId());
        Oru corrected = new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        filler,
                        "2823-3",
                        "Potassium",
                        "CH",
                        "C",
                        Oru.nm(1, "2823-3", "Potassium", "4.2", "mmol/L", "3.5-5.1", "N", "C"));
        assertThat(send(corrected.build())).contains("MSA|AA|" + corrected.controlId());

        var report = reportOfOrder(order);
        assertThat(report.status()).isEqualTo(ResultStatus.CORRECTED);
        assertThat(report.flag().name()).isEqualTo("NORMAL");
        var history = store.history(report.id());
        assertThat(history).extracting(ResultStore.StoredObservation::value).containsExactly("6.9", "4.2");
        assertThat(history.get(0).supersededAt()).isNotNull();
        assertThat(history.get(1).supersededAt()).isNull();
        assertThat(history.get(1).status()).isEqualTo(ResultStatus.CORRECTED);
        assertThat(store.current(report.id()))
                .extracting(ResultStore.StoredObservation::value)
                .containsExactly("4.2");
    }

    @Test
    void aRadiologyReportIsKeptAsTextWithItsPdf() throws Exception {
        PatientDetails child = fixture.child();
        String order = order(child, "XR-CHEST", "Chest X-ray", "IMAGING");
        byte[] pdf = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);
        Oru oru = new Oru()
                .sender("RIS", "IMAGING")
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        "RIS-" + UUID.randomUUID(),
                        "36643-5",
                        "XR Chest 2 views",
                        "RAD",
                        "F",
                        Oru.tx(1, "18782-3", "Lungs are clear.", "F"),
                        Oru.tx(2, "19005-8", "Impression: normal chest.", "F"),
                        Oru.pdf(3, pdf, "F"));
        assertThat(send(oru.build())).contains("MSA|AA|");
        var report = reportOfOrder(order);
        assertThat(report.kind().name()).isEqualTo("IMAGING");
        assertThat(report.reportText()).isEqualTo("Lungs are clear.\nImpression: normal chest.");
        assertThat(store.pdf(report.id())).hasValue(pdf);
    }

    @Test
    void brokenMessagesGetTheRightRefusalAndStoreNothing() throws Exception {
        long before = count("select count(*) from result_report");
        PatientDetails child = fixture.child();
        String order = order(child, "718-7", "Haemoglobin");

        assertThat(send("PID|1||123\rOBR|1|x")).contains("MSA|AR|");
        assertThat(send(new Oru()
                        .version("2.3")
                        .controlId("V23")
                        .patient("X", null, "A", "B", "20190101", "F")
                        .order(null, "F1", "1-8", "x", "HM", "F", Oru.nm(1, "1-8", "x", "1", "u", "", "", "F"))
                        .build()))
                .contains("MSA|AR|V23")
                .contains("version");
        assertThat(send(new Oru()
                        .type("ADT^A01^ADT_A01")
                        .controlId("ADT1")
                        .patient("X", null, "A", "B", "20190101", "F")
                        .build()))
                .contains("MSA|AR|ADT1");
        // the second observation has no status: the whole message is refused, the first one is not kept either
        assertThat(send(new Oru()
                        .controlId("NOSTATUS")
                        .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                        .order(
                                order,
                                "LAB-" + UUID.randomUUID(),
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "12", "g/dL", "11.5-15.5", "N", "F"),
                                Oru.nm(2, "6690-2", "WBC", "7", "10*3/uL", "4-11", "N", ""))
                        .build()))
                .contains("MSA|AE|NOSTATUS")
                .contains("OBX-11");
        assertThat(send(new Oru()
                        .controlId("NOTNUM")
                        .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                        .order(
                                order,
                                "LAB-" + UUID.randomUUID(),
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "twelve", "g/dL", "", "", "F"))
                        .build()))
                .contains("MSA|AE|NOTNUM");
        assertThat(send(new Oru()
                        .controlId("NOPID")
                        .order(
                                order,
                                "LAB-" + UUID.randomUUID(),
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "12", "g/dL", "", "", "F"))
                        .build()))
                .contains("MSA|AE|NOPID");

        // a frame cut off by a dropped connection is no message: nothing stored, no answer
        String whole = new Oru()
                .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "F")
                .order(
                        order,
                        "LAB-" + UUID.randomUUID(),
                        "718-7",
                        "Hb",
                        "HM",
                        "F",
                        Oru.nm(1, "718-7", "Hb", "12", "g/dL", "", "", "F"))
                .build();
        try (Socket socket = new Socket("127.0.0.1", listener.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(0x0b);
            out.write(whole.substring(0, whole.length() / 2).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        // the listener is still there and the next message goes through
        assertThat(send(whole)).contains("MSA|AA|");
        assertThat(count("select count(*) from result_report")).isEqualTo(before + 1);
        assertThat(count("select count(*) from result_rejected where message_id in ('V23', 'ADT1', 'NOSTATUS',"
                        + " 'NOTNUM', 'NOPID')"))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aResultForAnUnknownPatientIsAcceptedAndWaitsInTheQueue() throws Exception {
        String filler = "LAB-" + UUID.randomUUID();
        assertThat(send(new Oru()
                        .patient(
                                "ZZ" + UUID.randomUUID().toString().substring(0, 8),
                                null,
                                "Nobody",
                                "Known",
                                "20100101",
                                "M")
                        .order(
                                null,
                                filler,
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "12", "g/dL", "", "", "F"))
                        .build()))
                .contains("MSA|AA|");
        var report = byFiller(filler);
        assertThat(report.matchState()).isEqualTo(ResultMatching.State.QUEUED);
        assertThat(report.patientId()).isNull();
        assertThat(report.matchNote()).contains("no patient");
    }

    @Test
    void matchingByIdentifiersNeedsNameAndBirthDateAndNeverTakesATwinOrANamesake() throws Exception {
        PatientDetails layan = fixture.child();
        PatientForm other = TestPatientForms.child();
        PatientDetails twin = patients.register(
                new PatientForm(
                        "لين",
                        layan.familyNameAr(),
                        "Leen",
                        layan.familyNameEn(),
                        layan.birthDate(),
                        layan.sex(),
                        "SA",
                        other.identityDocument(),
                        null,
                        null,
                        other.preferredLanguage(),
                        other.channels(),
                        other.guardians(),
                        List.of()),
                true,
                "RYD");
        String birth = layan.birthDate().toString().replace("-", "");
        String nid = layan.identityDocument().number();

        // record number and full name and birth date: attached
        assertThat(matchOf(layan.mrn(), null, layan.familyNameEn(), layan.givenNameEn(), birth, "F")
                        .matchState())
                .isEqualTo(ResultMatching.State.PATIENT);
        // national id, Arabic name: attached
        var byId = matchOf(null, nid, layan.familyNameAr(), layan.givenNameAr(), birth, "F");
        assertThat(byId.matchState()).isEqualTo(ResultMatching.State.PATIENT);
        assertThat(byId.patientId()).isEqualTo(layan.id().value());
        // the twin's record number with Layan's name: the names differ, queued
        assertThat(matchOf(twin.mrn(), null, layan.familyNameEn(), layan.givenNameEn(), birth, "F")
                        .matchState())
                .isEqualTo(ResultMatching.State.QUEUED);
        // Layan's record number and the twin's national id: two patients, queued
        assertThat(matchOf(
                                layan.mrn(),
                                twin.identityDocument().number(),
                                layan.familyNameEn(),
                                layan.givenNameEn(),
                                birth,
                                "F")
                        .matchState())
                .isEqualTo(ResultMatching.State.QUEUED);
        // same name, another birth date: queued
        assertThat(matchOf(layan.mrn(), null, layan.familyNameEn(), layan.givenNameEn(), "20180615", "F")
                        .matchState())
                .isEqualTo(ResultMatching.State.QUEUED);
        // the sex disagrees: queued
        assertThat(matchOf(layan.mrn(), null, layan.familyNameEn(), layan.givenNameEn(), birth, "M")
                        .matchState())
                .isEqualTo(ResultMatching.State.QUEUED);
        // no birth date at all: queued
        assertThat(matchOf(layan.mrn(), null, layan.familyNameEn(), layan.givenNameEn(), null, "F")
                        .matchState())
                .isEqualTo(ResultMatching.State.QUEUED);
    }

    @Test
    void anOrderNumberWithAnotherBirthDateOrSexIsNotAttached() throws Exception {
        PatientDetails child = fixture.child();
        String order = order(child, "718-7", "Haemoglobin");
        String filler = "LAB-" + UUID.randomUUID();
        assertThat(send(new Oru()
                        .patient(child.mrn(), null, child.familyNameEn(), child.givenNameEn(), "20190615", "M")
                        .order(
                                order,
                                filler,
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "12", "g/dL", "", "", "F"))
                        .build()))
                .contains("MSA|AA|");
        var report = byFiller(filler);
        assertThat(report.matchState()).isEqualTo(ResultMatching.State.QUEUED);
        assertThat(report.matchNote()).contains("sex");
        assertThat(orderStatus(order)).isEqualTo("ORDERED");
    }

    // --- helpers

    @Autowired
    ResultStore store;

    private ResultStore.Stored matchOf(String mrn, String nid, String family, String given, String birth, String sex)
            throws Exception {
        String filler = "LAB-" + UUID.randomUUID();
        assertThat(send(new Oru()
                        .patient(mrn, nid, family, given, birth, sex)
                        .order(
                                null,
                                filler,
                                "718-7",
                                "Hb",
                                "HM",
                                "F",
                                Oru.nm(1, "718-7", "Hb", "12", "g/dL", "", "", "F"))
                        .build()))
                .contains("MSA|AA|");
        return byFiller(filler);
    }

    private ResultStore.Stored byFiller(String filler) {
        UUID id = jdbc.sql("select id from result_report where external_id = :f")
                .param("f", filler)
                .query(UUID.class)
                .single();
        return store.find(id).orElseThrow();
    }

    private ResultStore.Stored reportOfOrder(String order) {
        UUID id = jdbc.sql("select id from result_report where order_id = :o")
                .param("o", UUID.fromString(order))
                .query(UUID.class)
                .single();
        return store.find(id).orElseThrow();
    }

    private String orderStatus(String order) {
        return jdbc.sql("select status from visit_order where id = :o")
                .param("o", UUID.fromString(order))
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    String order(PatientDetails child, String code, String display) {
        return order(child, code, display, "LAB");
    }

    String order(PatientDetails child, String code, String display, String kind) {
        UUID visit = fixture.visitOf(fixture.started(child));
        var placed = mvc.post()
                .uri("/api/v1/visits/" + visit + "/orders")
                .header(HttpHeaders.AUTHORIZATION, therapist.bearer())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"" + kind + "\", \"code\": \"" + code + "\", \"display\": \"" + display + "\"}")
                .exchange();
        assertThat(placed).hasStatus(201);
        return Bodies.read(placed, "$.id");
    }

    String send(String message) throws Exception {
        return Mllp.exchange("127.0.0.1", listener.port(), message, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }
}
