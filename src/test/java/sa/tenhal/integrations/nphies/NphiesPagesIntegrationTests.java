package sa.tenhal.integrations.nphies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.appointments.AppointmentDetails;
import sa.tenhal.finance.InvoiceView;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;

/**
 * The NPHIES pages in English and Arabic: finance's claims work-list and a claim (rejected, with the reason and the
 * resubmit button), reception's badge on an appointment (check eligibility: "not eligible" shows) and the patient's
 * insurance panel.
 */
@TenhalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NphiesPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    StaffFixtures staff;

    @Autowired
    Insurance insurance;

    NphiesRecord rejected;
    PatientDetails uncovered;
    AppointmentDetails appointment;
    Cookie finance;
    Cookie reception;

    @BeforeAll
    void setUp() {
        NphiesFixture f = NphiesFixture.in(context);
        InvoiceView insurer = f.completedVisit(f.insured(1), List.of("Z00.1"));
        rejected = await().atMost(Duration.ofSeconds(90))
                .until(
                        () -> insurance.claimsOfInvoice(insurer.id()).stream()
                                .findFirst()
                                .orElse(null),
                        r -> r != null && "REJECTED".equals(r.outcome()));
        uncovered = f.insured(0);
        appointment = f.book(uncovered);
        finance = Pages.signIn(mvc, staff.as(Role.FINANCE));
        reception = Pages.signIn(mvc, staff.as(Role.RECEPTIONIST));
    }

    String page(Cookie session, String uri) throws Exception {
        var result = mvc.get().uri(uri).cookie(session).exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void financeSeesTheRejectedClaimWithItsReasonAndCanResubmit() throws Exception {
        String en = page(finance, "/finance/claims?lang=en");
        assertThat(en)
                .contains("Insurance claims (NPHIES)", rejected.claimIdentifier(), "Rejected", "Correct and resubmit");
        String ar = page(finance, "/finance/claims?lang=ar");
        assertThat(ar).contains("مطالبات التأمين (نفيس)", "مرفوضة", "تصحيح وإعادة الإرسال");

        String claim = page(finance, "/finance/claims/" + rejected.id() + "?lang=en");
        assertThat(claim).contains("Z00.1", "The diagnosis does not support the service");

        var resubmitted = mvc.post()
                .uri("/finance/claims/" + rejected.id() + "/resubmit")
                .cookie(finance)
                .with(csrf())
                .exchange();
        assertThat(resubmitted).hasStatus3xxRedirection();
        // still coded Z00.1: rejected again, and the first one replaced
        assertThat(insurance.find(rejected.id()).orElseThrow().state()).isEqualTo("SUPERSEDED");
    }

    @Test
    void receptionChecksEligibilityOnTheDeskBadgeAndSeesNotEligible() throws Exception {
        String badge = mvc.post()
                .uri("/nphies/appointments/" + appointment.id().value() + "/eligibility?lang=en")
                .cookie(reception)
                .with(csrf())
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(badge).contains("Not eligible");

        String ar = page(reception, "/nphies/appointments/" + appointment.id().value() + "/badge?lang=ar");
        assertThat(ar).contains("غير مؤهل");

        String panel = page(reception, "/nphies/patients/" + uncovered.id().value() + "/panel?lang=en");
        assertThat(panel).contains("Eligibility", "Not eligible", "Check eligibility today");
        // reception never reaches the claims
        assertThat(mvc.get().uri("/finance/claims").cookie(reception).exchange())
                .hasStatus(403);
    }
}
