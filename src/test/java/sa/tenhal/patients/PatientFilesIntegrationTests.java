package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.platform.ConflictException;

@TenhalIntegrationTest
class PatientFilesIntegrationTests {

    @Autowired
    PatientRegistry registry;

    @Autowired
    PatientFiles files;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void fileNumbersAreGaplessUnderConcurrentRegistrationEvenWhenSomeRollBack() throws Exception {
        String centre = Unique.code("G");
        int workers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            boolean rollBack = i % 4 == 0; // every fourth registration fails after taking a number
            results.add(pool.submit((Callable<String>) () -> transactions.execute(status -> {
                PatientDetails p = registry.register(TestPatients.adult(), true, centre);
                if (rollBack) {
                    status.setRollbackOnly();
                    return null;
                }
                return files.forSummary(p.id()).get(0).number();
            })));
        }
        List<String> numbers = new ArrayList<>();
        for (Future<String> f : results) {
            String n = f.get();
            if (n != null) {
                numbers.add(n);
            }
        }
        pool.shutdown();
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Riyadh")).getYear();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 18; n++) {
            expected.add(FileNumbers.format(year, n));
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        List<String> stored = jdbc.sql("select number from patient_file where centre_code = :c order by number")
                .param("c", centre)
                .query(String.class)
                .list();
        assertThat(stored).containsExactlyElementsOf(expected);
    }

    @Test
    void aFileIsClosedAndReopenedWithReasonsAndKeepsItsHistory() {
        PatientDetails patient = registry.register(TestPatients.adult(), true, "RYD");
        PatientFileDetails file = files.forSummary(patient.id()).get(0);

        PatientFileDetails closed = files.close(file.id(), "treatment finished");
        assertThat(closed.status()).isEqualTo(FileStatus.CLOSED);
        assertThat(closed.closeReason()).isEqualTo("treatment finished");
        assertThatThrownBy(() -> files.close(file.id(), "again"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.properties())
                        .containsEntry("currentStatus", "CLOSED"));

        PatientFileDetails reopened = files.reopen(file.id(), "referred back for therapy");
        assertThat(reopened.status()).isEqualTo(FileStatus.OPEN);
        assertThat(reopened.number()).isEqualTo(file.number());
        assertThat(reopened.history())
                .extracting(PatientFileDetails.Entry::action)
                .containsExactly("OPENED", "CLOSED", "REOPENED");
        assertThat(reopened.history())
                .extracting(PatientFileDetails.Entry::reason)
                .containsExactly(null, "treatment finished", "referred back for therapy");
    }

    @Test
    void aPatientHasOneOpenFilePerCentre() {
        PatientDetails patient = registry.register(TestPatients.adult(), true, "RYD");
        assertThatThrownBy(() -> files.open(patient.id(), "RYD")).isInstanceOf(ConflictException.class);
        PatientFileDetails other = files.open(patient.id(), "JED");
        assertThat(other.centreCode()).isEqualTo("JED");
    }
}
