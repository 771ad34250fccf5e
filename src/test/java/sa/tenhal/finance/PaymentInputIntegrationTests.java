package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.StaffFixtures;
import sa.tenhal.StaffFixtures.Caller;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientRegistry;

/**
 * Money is taken only from a payer Tenhal knows, and an imported file cannot carry what no clinic types: an insurer no
 * invoice is billed to is refused; a row with a control character is reported unmatched, not stored and not a 500.
 */
@TenhalIntegrationTest
class PaymentInputIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    CatalogAdministration catalog;

    @Autowired
    PatientRegistry patients;

    @Autowired
    Invoicing invoicing;

    @Autowired
    JdbcClient jdbc;

    MvcTestResult remittance(Caller finance, String insurer) {
        return mvc.post()
                .uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"insurerId\":\"" + insurer + "\",\"method\":\"INSURANCE_REMITTANCE\",\"amount\":100.00}")
                .exchange();
    }

    @Test
    void aPaymentFromAnInsurerNoInvoiceIsBilledToIsRefusedNamingTheField() {
        Caller finance = staff.as(Role.FINANCE);
        String unknown = "INS-NONE-" + System.nanoTime();
        MvcTestResult refused = remittance(finance, unknown);
        assertThat(refused).hasStatus(422);
        assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("insurerId");
        assertThat(jdbc.sql("select count(*) from payment where insurer_id = :i")
                        .param("i", unknown)
                        .query(Long.class)
                        .single())
                .isZero();

        FinanceFixtures f = new FinanceFixtures(catalog, patients);
        Instant start = Instant.parse("2026-11-20T07:00:00Z");
        invoicing.generateFor(new CompletedVisit(
                UUID.randomUUID(),
                f.insuredCitizen().id(),
                f.clinic.id(),
                null,
                f.speech.id(),
                start,
                start.plusSeconds(2700)));
        assertThat(remittance(finance, "INS-BUPA")).hasStatus(201);
    }

    @Test
    void anImportedRowWithAControlCharacterIsReportedUnmatched() {
        String transaction = "TX" + System.nanoTime();
        MvcTestResult imported = mvc.post()
                .uri("/api/v1/payments/imports?method=BANK_TRANSFER")
                .header(HttpHeaders.AUTHORIZATION, staff.as(Role.FINANCE).bearer())
                .contentType(MediaType.parseMediaType("text/csv"))
                .content("transaction,date,amount,reference\n" + transaction + ",2026-11-20,100.00,INV\u0000-1\n")
                .exchange();
        assertThat(imported).hasStatusOk();
        assertThat(imported).bodyJson().extractingPath("$.imported").isEqualTo(0);
        assertThat(imported)
                .bodyJson()
                .extractingPath("$.unmatched[0].reason")
                .asString()
                .contains("U+0000");
        assertThat(jdbc.sql("select count(*) from payment where transaction_id = :t")
                        .param("t", transaction)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
