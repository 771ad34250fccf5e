package sa.tenhal.integrations.zatca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class ZatcaInspectorIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Test
    void financeInspectsAnSdkSampleAsXml() {
        var finance = staff.as(Role.FINANCE);
        var result = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.APPLICATION_XML)
                .content(SdkSamplesTests.read("Simplified/Invoice/Simplified_Invoice.xml"))
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.number").isEqualTo("SME00010");
        assertThat(result).bodyJson().extractingPath("$.icv").isEqualTo("10");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.computedHash")
                .isEqualTo("z5F9qsS6oWyDhehD8u8S0DaxV+2CUiUz9Y+UsR61JgQ=");
        assertThat(result).bodyJson().extractingPath("$.hashMatches").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.signatureValid").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.qrMatches").isEqualTo(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.qr[0].value")
                .isEqualTo("شركة توريد التكنولوجيا بأقصى سرعة المحدودة | Maximum Speed Tech Supply LTD");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.certificate.serialNumber")
                .isEqualTo("379112742831380471835263969587287663520528387");
    }

    @Test
    void adminInspectsAsZatcaTakesIt() {
        var admin = staff.as(Role.ADMIN);
        String body = "{\"invoice\":\""
                + Base64.getEncoder().encodeToString(SdkSamplesTests.read("Standard/Invoice/Standard_Invoice.xml"))
                + "\"}";
        var result = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.kind").isEqualTo("standard invoice");
        assertThat(result).bodyJson().extractingPath("$.hashMatches").isEqualTo(true);
    }

    @Test
    void badXmlIsA400NamingWhatIsWrong() {
        var finance = staff.as(Role.FINANCE);
        var result = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.APPLICATION_XML)
                .content("<Invoice><unclosed></Invoice>")
                .exchange();
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("document");
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("line 1");

        var entity = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.APPLICATION_XML)
                .content("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .exchange();
        assertThat(entity).hasStatus(400);

        var notBase64 = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, finance.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"invoice\":\"%%%\"}")
                .exchange();
        assertThat(notBase64).hasStatus(400);
        assertThat(notBase64).bodyJson().extractingPath("$.field").isEqualTo("invoice");
    }

    @Test
    void receptionMayNotInspect() {
        var reception = staff.as(Role.RECEPTIONIST);
        var result = mvc.post()
                .uri("/api/v1/zatca/inspect")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_XML)
                .content(SdkSamplesTests.read("Simplified/Invoice/Simplified_Invoice.xml"))
                .exchange();
        assertThat(result).hasStatus(403);
    }
}
