package sa.tenhal.integrations.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.TestPatientForms;
import sa.tenhal.visits.OrderKind;

/**
 * The FHIR pull (sync-lab-results, sync-radiology-results) against a local FHIR endpoint: paging, the high-water mark,
 * a restart in the middle, two nodes at once — every report stored once, none missed.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirSyncIntegrationTests {

    @Autowired
    FhirSync sync;

    @Autowired
    ResultStore store;

    @Autowired
    PatientRegistry patients;

    @Autowired
    JdbcClient jdbc;

    FhirResultsServer server;
    PatientDetails child;
    org.hl7.fhir.r4.model.Patient fhirPatient;

    @BeforeEach
    void aLabServerOfItsOwn() throws Exception {
        server = new FhirResultsServer(0);
    }

    @AfterEach
    void stopIt() {
        server.close();
    }

    @BeforeAll
    void aPatient() {
        child = patients.register(TestPatientForms.child(), true, "RYD");
        fhirPatient = FhirSamples.patient(
                "p-" + UUID.randomUUID(),
                child.mrn(),
                child.familyNameEn(),
                child.givenNameEn(),
                child.birthDate(),
                "female");
    }

    ResultsProperties.FhirSource source() {
        return new ResultsProperties.FhirSource(
                "fhir-" + UUID.randomUUID().toString().substring(0, 8), server.baseUrl(), 10, null);
    }

    /** {@code n} lab reports changed one second apart from {@code from}, each with two observations. */
    List<String> labReports(String prefix, int n, Instant from) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            var s = FhirSamples.lab(
                    id,
                    fhirPatient,
                    "final",
                    new String[] {"2345-7", "Glucose", "5." + i % 10, "mmol/L", "3.9", "6.1", "N"},
                    new String[] {
                        "2823-3",
                        "Potassium",
                        i % 7 == 0 ? "6.8" : "4.1",
                        "mmol/L",
                        "3.5",
                        "5.1",
                        i % 7 == 0 ? "HH" : null
                    });
            server.put(s.report(), s.observations(), s.patient(), OrderKind.LAB, from.plusSeconds(i));
            ids.add(id);
        }
        return ids;
    }

    long reports(String source) {
        return jdbc.sql("select count(*) from result_report where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    long observations(String source) {
        return jdbc.sql("select count(*) from result_observation o join result_report r on r.id = o.report_id where"
                        + " r.source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    @Test
    void pagesAreFollowedAndTheHighWaterMarkKeepsTheNextSyncShort() {
        var source = source();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        labReports(prefix, 25, Instant.parse("2026-12-01T08:00:00Z"));

        var first = sync.sync(source, OrderKind.LAB);
        assertThat(first.pages()).isGreaterThanOrEqualTo(3);
        assertThat(reports(source.name())).isEqualTo(25);
        assertThat(observations(source.name())).isEqualTo(50);
        var any = store.find(jdbc.sql("select id from result_report where source = :s and external_id = :e")
                        .param("s", source.name())
                        .param("e", prefix + "-0")
                        .query(UUID.class)
                        .single())
                .orElseThrow();
        assertThat(any.matchState()).isEqualTo(ResultMatching.State.PATIENT);
        assertThat(any.patientId()).isEqualTo(child.id().value());
        assertThat(any.flag().name()).isEqualTo("CRITICAL");

        int before = server.searches().size();
        var second = sync.sync(source, OrderKind.LAB);
        assertThat(second.filed()).isZero();
        assertThat(server.searches().get(before)).contains("_lastUpdated=ge");
        assertThat(reports(source.name())).isEqualTo(25);
        assertThat(observations(source.name())).isEqualTo(50);

        // a correction: a new version of one report, changed later
        var corrected = FhirSamples.lab(
                prefix + "-3",
                fhirPatient,
                "corrected",
                new String[] {"2345-7", "Glucose", "5.3", "mmol/L", "3.9", "6.1", "N"},
                new String[] {"2823-3", "Potassium", "3.1", "mmol/L", "3.5", "5.1", "L"});
        server.put(
                corrected.report(),
                corrected.observations(),
                fhirPatient,
                OrderKind.LAB,
                Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(sync.sync(source, OrderKind.LAB).filed()).isEqualTo(1);
        UUID id = jdbc.sql("select id from result_report where source = :s and external_id = :e")
                .param("s", source.name())
                .param("e", prefix + "-3")
                .query(UUID.class)
                .single();
        assertThat(store.history(id))
                .extracting(ResultStore.StoredObservation::value)
                .containsExactly("5.3", "4.1", "3.1");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ResultStatus.CORRECTED);
    }

    @Test
    void aSyncStoppedInTheMiddleResumesAfterTheLastStoredPage() {
        var source = source();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        labReports(prefix, 35, Instant.parse("2026-11-20T08:00:00Z"));
        server.failWhen(url -> url.contains("_offset=20") && !url.contains("_lastUpdated="));
        try {
            assertThatThrownBy(() -> sync.sync(source, OrderKind.LAB)).isInstanceOf(RuntimeException.class);
        } finally {
            server.failWhen(url -> false);
        }
        assertThat(reports(source.name())).isEqualTo(20);
        Instant mark = jdbc.sql("select high_water from result_sync where source = :s")
                .param("s", source.name())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(mark).isEqualTo(Instant.parse("2026-11-20T08:00:19Z"));

        int before = server.searches().size();
        sync.sync(source, OrderKind.LAB);
        assertThat(server.searches().get(before)).contains("_lastUpdated=ge2026-11-20T07:55:19Z");
        assertThat(reports(source.name())).isEqualTo(35);
        assertThat(observations(source.name())).isEqualTo(70);
    }

    @Test
    void twoNodesSyncingAtOnceStoreEachReportOnce() {
        var source = source();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        labReports(prefix, 60, Instant.parse("2026-11-25T08:00:00Z"));
        var a = CompletableFuture.supplyAsync(() -> sync.sync(source, OrderKind.LAB));
        var b = CompletableFuture.supplyAsync(() -> sync.sync(source, OrderKind.LAB));
        a.join();
        b.join();
        sync.sync(source, OrderKind.LAB);
        assertThat(reports(source.name())).isEqualTo(60);
        assertThat(observations(source.name())).isEqualTo(120);
        assertThat(jdbc.sql("select count(*) from result_message where source = :s")
                        .param("s", source.name())
                        .query(Long.class)
                        .single())
                .isEqualTo(60);
    }

    @Test
    void radiologyReportsComeWithTheirTextPdfAndStudy() {
        var source = source();
        byte[] pdf = "%PDF-1.4 chest".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String id = "rad-" + UUID.randomUUID();
        var s = FhirSamples.radiology(id, fhirPatient, "No acute cardiopulmonary findings.", pdf);
        server.put(s.report(), s.observations(), fhirPatient, OrderKind.IMAGING, Instant.parse("2026-12-02T08:00:00Z"));
        sync.sync(source, OrderKind.IMAGING);
        UUID stored = jdbc.sql("select id from result_report where source = :s and external_id = :e")
                .param("s", source.name())
                .param("e", id)
                .query(UUID.class)
                .single();
        var report = store.find(stored).orElseThrow();
        assertThat(report.kind()).isEqualTo(OrderKind.IMAGING);
        assertThat(report.reportText()).isEqualTo("No acute cardiopulmonary findings.");
        assertThat(report.imagingStudy()).isEqualTo("ImagingStudy/" + id + "-study");
        assertThat(store.pdf(stored)).hasValue(pdf);
        assertThat(report.patientId()).isEqualTo(child.id().value());
    }
}
