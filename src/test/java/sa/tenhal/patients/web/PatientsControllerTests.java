package sa.tenhal.patients.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.SliceSecurity;
import sa.tenhal.patients.IdentityDocumentType;
import sa.tenhal.patients.PatientDetails;
import sa.tenhal.patients.PatientForm;
import sa.tenhal.patients.PatientId;
import sa.tenhal.patients.PatientRegistry;
import sa.tenhal.patients.PatientStatus;
import sa.tenhal.patients.PatientSummaries;
import sa.tenhal.patients.Sex;
import sa.tenhal.platform.NotFoundException;
import sa.tenhal.platform.StaleVersionException;
import sa.tenhal.shared.Language;

@WebMvcTest(controllers = PatientsController.class, properties = "tenhal.centre.code=RYD")
@Import(SliceSecurity.class)
class PatientsControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PatientRegistry registry;

    @MockitoBean
    PatientSummaries summaries;

    static final PatientId ID = new PatientId(UUID.fromString("01a1fcab-0000-7000-8000-000000000001"));

    static PatientDetails details(long version) {
        return new PatientDetails(
                ID,
                "1000001",
                "سارة",
                "الحربي",
                "Sara",
                "Al-Harbi",
                LocalDate.of(1990, 1, 1),
                Sex.FEMALE,
                "SA",
                new PatientDetails.IdentityDocument(IdentityDocumentType.NATIONAL_ID, "1848506950", "SA"),
                "+966501234567",
                null,
                Language.AR,
                Set.of(),
                List.of(),
                List.of(),
                PatientStatus.ACTIVE,
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH,
                version);
    }

    static final String VALID = """
            {"givenNameEn":"Sara","familyNameEn":"Al-Harbi","birthDate":"1990-01-01","sex":"FEMALE","nationality":"SA",
             "identityDocument":{"type":"NATIONAL_ID","number":"1848506950"},"mobile":"0501234567"}
            """;

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void registeringAnswers201WithLocationAndEtagAtTheDefaultCentre() {
        given(registry.register(any(), eq(false), eq("RYD"))).willReturn(details(0));
        assertThat(mvc.post()
                        .uri("/api/v1/patients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .hasStatus(201)
                .hasHeader(HttpHeaders.LOCATION, "/api/v1/patients/" + ID)
                .hasHeader(HttpHeaders.ETAG, "\"0\"");
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void theDuplicateAcknowledgementAndCentreComeFromTheQuery() {
        given(registry.register(any(), eq(true), eq("JED"))).willReturn(details(0));
        assertThat(mvc.post()
                        .uri("/api/v1/patients?acknowledgeDuplicates=true&centre=JED")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .hasStatus(201);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void fieldErrorsAre422NamingEachFieldAndNothingReachesTheRegistry() {
        assertThat(
                        mvc.post()
                                .uri("/api/v1/patients")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"nationality\":\"sa\",\"mobile\":\"123\",\"identityDocument\":{\"type\":\"PASSPORT\"}}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("birthDate", "sex", "nationality", "mobile", "identityDocument.number");
        verify(registry, never()).register(any(), anyBoolean(), any());
    }

    @Test
    @WithMockUser(roles = "FINANCE")
    void financeReadsButDoesNotRegister() {
        assertThat(mvc.post()
                        .uri("/api/v1/patients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .hasStatus(403);
        given(registry.view(ID)).willReturn(details(4));
        assertThat(mvc.get().uri("/api/v1/patients/{id}", ID.value()))
                .hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"4\"");
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void anUpdatePassesTheIfMatchVersionAndMapsStaleTo412() {
        given(registry.update(eq(ID), eq(3L), any(PatientForm.class)))
                .willThrow(new StaleVersionException("patient", 4));
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}", ID.value())
                        .header(HttpHeaders.IF_MATCH, "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .hasStatus(412)
                .bodyJson()
                .extractingPath("$.currentVersion")
                .isEqualTo(4);
        assertThat(mvc.put()
                        .uri("/api/v1/patients/{id}", ID.value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(VALID))
                .hasStatus(428);
    }

    @Test
    @WithMockUser(roles = "NURSE")
    void unknownPatientsAre404Problems() {
        given(registry.view(any())).willThrow(new NotFoundException("Patient", "x"));
        assertThat(mvc.get().uri("/api/v1/patients/{id}", UUID.randomUUID()))
                .hasStatus(404)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @WithMockUser(roles = "RECEPTIONIST")
    void searchParametersAreBounded() {
        assertThat(mvc.get().uri("/api/v1/patients/search?q=sara&size=500"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    @WithMockUser(roles = "MANAGER")
    void archivingNeedsAReason() {
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/archive", ID.value())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("reason");
    }
}
