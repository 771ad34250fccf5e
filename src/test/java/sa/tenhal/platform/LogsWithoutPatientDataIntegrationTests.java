package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Json;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.ContactChannel;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.Sex;
import sa.tenhal.shared.Language;

/** Logs at production levels never carry patient data, not even when registrations clash in the database. */
@TenhalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogsWithoutPatientDataIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void productionLevels() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @AfterEach
    void testLevels() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void registeringSearchingAndClashingLeaveNoPatientDataInTheLog(CapturedOutput output) throws Exception {
        Caller reception = staff.as(Role.RECEPTIONIST);
        long n = Unique.between(10_000_000L, 100_000_000L);
        String idNumber = Unique.identityNumber('1');
        String mobile = "0557" + String.valueOf(n).substring(0, 6);
        String family = "Zubaydah" + Long.toString(n, 26).replaceAll("[0-9]", "x");
        PatientForm form = new PatientForm(
                "زبيدة",
                "الفريدة",
                "Zubaydah",
                family,
                LocalDate.of(1977, 7, 7),
                Sex.FEMALE,
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, idNumber, null),
                mobile,
                null,
                Language.AR,
                Set.of(ContactChannel.SMS),
                List.of(),
                List.of());
        String body = Json.of(form);

        // Four clerks register the same person at once: one wins, the database refuses the others.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(pool.submit(() -> mvc.post()
                    .uri("/api/v1/patients?acknowledgeDuplicates=true")
                    .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .exchange()
                    .getResponse()
                    .getStatus()));
        }
        List<Integer> seen = new java.util.ArrayList<>();
        for (Future<Integer> f : statuses) {
            seen.add(f.get());
        }
        pool.shutdown();
        assertThat(seen).containsOnlyOnce(201).containsOnly(201, 409);

        mvc.get()
                .uri("/api/v1/patients/search?q=" + family)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        mvc.get()
                .uri("/api/v1/patients/search?q=" + mobile)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        mvc.post()
                .uri("/api/v1/patients")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("\"1977-07-07\"", "\"2999-07-07\""))
                .exchange();

        assertThat(output.getAll()).doesNotContain(family, idNumber, mobile.substring(1), "زبيدة", "الفريدة");
    }
}
