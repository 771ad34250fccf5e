package sa.tenhal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.clinics.CatalogAdministration;
import sa.tenhal.identity.Role;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.platform.ConflictException;
import sa.tenhal.platform.Forms;
import sa.tenhal.platform.InvalidFieldsException;
import sa.tenhal.shared.Language;

/**
 * Every refusal a money page shows is in the page's language: a credit note above what is still owed, a discount
 * above 100 %, an amount with three decimals; and a refusal that has no sentence of its own still reads in Arabic on
 * an Arabic page (naming its field) instead of the API's English detail.
 */
@TenhalIntegrationTest
class FinanceRefusalsIntegrationTests {

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
    MessageSource messages;

    FinanceFixtures f;

    @BeforeEach
    void centre() {
        f = new FinanceFixtures(catalog, patients);
    }

    @AfterEach
    void locale() {
        LocaleContextHolder.resetLocaleContext();
    }

    InvoiceView draft(PatientDetails patient) {
        return invoicing
                .create(new InvoiceRequests.NewInvoice(
                        patient.id().value(),
                        f.clinic.id().value(),
                        null,
                        false,
                        List.of(new InvoiceRequests.ServiceLine(f.speech.id().value(), 1))))
                .get(0);
    }

    @Test
    void moneyRefusalsReadInTheLanguageOfThePage() {
        PatientDetails resident = f.resident();
        InvoiceView issued = invoicing.issue(draft(resident).id());
        Cookie finance = Pages.signIn(mvc, staff.as(Role.FINANCE));
        Cookie arabic = new Cookie("tenhal-lang", "ar");

        String creditAr = problem(post(
                arabic,
                finance,
                "/finance/invoices/" + issued.id().value() + "/credit-notes",
                "amount",
                "500.00",
                "reason",
                "goodwill"));
        assertThat(creditAr).contains("الإشعار الدائن", "402.50").doesNotContain("still owed");
        String creditEn = problem(post(
                new Cookie("tenhal-lang", "en"),
                finance,
                "/finance/invoices/" + issued.id().value() + "/credit-notes",
                "amount",
                "500.00",
                "reason",
                "goodwill"));
        assertThat(creditEn).contains("credit note", "402.50");

        InvoiceView open = draft(resident);
        assertThat(problem(post(
                        arabic,
                        finance,
                        "/finance/invoices/" + open.id().value() + "/discount",
                        "percent",
                        "150",
                        "reason",
                        "x")))
                .contains("100")
                .doesNotContain("must be");
        assertThat(problem(post(
                        arabic,
                        finance,
                        "/finance/invoices/" + open.id().value() + "/discount",
                        "amount",
                        "10.001",
                        "reason",
                        "x")))
                .doesNotContain("decimals");
    }

    @Test
    void aRefusalWithoutASentenceOfItsOwnStillReadsInArabic() {
        LocaleContextHolder.setLocale(Language.AR.locale());
        String field = Forms.describe(messages, new InvalidFieldsException("amount", "is something only English says"));
        assertThat(field).contains("المبلغ").doesNotContain("English");
        String other =
                Forms.describe(messages, new ConflictException("something-new", "Something new", "An English detail"));
        assertThat(other).doesNotContain("English").isNotBlank();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(Forms.describe(messages, new InvalidFieldsException("amount", "is something only English says")))
                .isEqualTo("is something only English says");
    }

    private static String problem(MvcTestResult result) {
        Object problem = result.getMvcResult().getFlashMap().get("problem");
        assertThat(problem).as("the page shows a refusal").isNotNull();
        return problem.toString();
    }

    private MvcTestResult post(Cookie language, Cookie session, String uri, String... params) {
        var request = mvc.post().uri(uri).cookie(session, language).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }
}
