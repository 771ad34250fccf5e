package sa.tenhal.patients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
import sa.tenhal.identity.Role;
import sa.tenhal.shared.Language;

@TenhalIntegrationTest
class PatientRegistryIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PatientRegistry registry;

    Caller reception;
    Caller manager;

    @BeforeEach
    void callers() {
        reception = staff.as(Role.RECEPTIONIST);
        manager = staff.as(Role.MANAGER);
    }

    MvcTestResult register(Caller caller, PatientForm form, String query) {
        return mvc.post()
                .uri("/api/v1/patients" + query)
                .header(HttpHeaders.AUTHORIZATION, caller.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.of(form))
                .exchange();
    }

    String registered(PatientForm form) {
        MvcTestResult result = register(reception, form, "?acknowledgeDuplicates=true");
        assertThat(result).hasStatus(201);
        return Bodies.read(result, "$.id");
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void registersAPatientWithARecordNumberAndAnOpenFile() throws Exception {
        MvcTestResult result = register(reception, TestPatients.child(), "");
        assertThat(result)
                .hasStatus(201)
                .headers()
                .containsHeader(HttpHeaders.ETAG)
                .containsHeader(HttpHeaders.LOCATION);
        assertThat(result).bodyJson().extractingPath("$.mrn").asString().matches("\\d{7,}");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.guardians[0].phone")
                .asString()
                .startsWith("+9665");
        String id = Bodies.read(result, "$.id");

        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}/files", id)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].number")
                .asString()
                .matches("F-\\d{4}-\\d{6}");
    }

    @Test
    void theSameIdentityDocumentIsRefusedNamingTheRegisteredPatient() throws Exception {
        PatientForm first = TestPatients.adult();
        String id = registered(first);
        PatientForm again = TestPatients.withMobile(TestPatients.adult(), TestPatients.mobile());
        again = TestPatients.withIdentity(again, first.identityDocument().number());
        long before = count("patient");

        MvcTestResult result = register(reception, again, "?acknowledgeDuplicates=true");

        assertThat(result).hasStatus(409);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:tenhal:problem:duplicate-patient");
        assertThat(result).bodyJson().extractingPath("$.existingPatientId").isEqualTo(id);
        assertThat(count("patient")).isEqualTo(before);
    }

    @Test
    void theSameNameAndBirthDateIsAWarningTheClerkMustAcknowledge() throws Exception {
        PatientForm first = TestPatients.adult("Hind", "Zz" + TestPatients.letters(), "هند", "الزهراني");
        String id = registered(first);
        // Same person by name (different case and spacing) and birth date, but another document and mobile.
        PatientForm lookalike = new PatientForm(
                first.givenNameAr(),
                "الزَّهراني",
                first.givenNameEn().toUpperCase(),
                first.familyNameEn(),
                first.birthDate(),
                first.sex(),
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, TestPatients.nationalId(), null),
                TestPatients.mobile(),
                null,
                first.preferredLanguage(),
                first.channels(),
                List.of(),
                List.of());

        MvcTestResult warned = register(reception, lookalike, "");
        assertThat(warned).hasStatus(409);
        assertThat(warned).bodyJson().extractingPath("$.type").isEqualTo("urn:tenhal:problem:possible-duplicates");
        assertThat(warned).bodyJson().extractingPath("$.candidates[0].id").isEqualTo(id);
        assertThat(warned).bodyJson().extractingPath("$.candidates[0].reason").isEqualTo("SAME_NAME_AND_BIRTH_DATE");

        assertThat(register(reception, lookalike, "?acknowledgeDuplicates=true"))
                .hasStatus(201);
    }

    @Test
    void theSameMobileIsAWarningToo() {
        PatientForm first = TestPatients.adult();
        registered(first);
        PatientForm sibling = TestPatients.withMobile(TestPatients.adult(), first.mobile());
        MvcTestResult warned = register(reception, sibling, "");
        assertThat(warned).hasStatus(409);
        assertThat(warned).bodyJson().extractingPath("$.candidates[0].reason").isEqualTo("SAME_MOBILE");
    }

    @Test
    void aTextGoesToThePatientsOwnMobileElseToThePrimaryGuardians() {
        PatientForm adult = TestPatients.adult();
        PatientId grownUp = new PatientId(java.util.UUID.fromString(registered(adult)));
        PatientForm child = TestPatients.child();
        PatientId young = new PatientId(java.util.UUID.fromString(registered(child)));

        // stored as E.164
        assertThat(registry.mobile(grownUp)).contains("+966" + adult.mobile().substring(1));
        assertThat(registry.mobile(young))
                .contains("+966" + child.guardians().get(0).phone().substring(1));
        // the same number the messages use
        assertThat(registry.mobile(young)).isEqualTo(registry.contact(young).map(PatientContact::mobile));
        assertThat(registry.mobile(new PatientId(java.util.UUID.randomUUID()))).isEmpty();
        // registration always leaves a number; a record written otherwise (an import) may have none
        PatientId unreachable = new PatientId(java.util.UUID.fromString(registered(TestPatients.adult())));
        jdbc.sql("update patient set mobile = null where id = :id")
                .param("id", unreachable.value())
                .update();
        assertThat(registry.mobile(unreachable)).isEmpty();
    }

    @Test
    void messagesReachAPatientInTheirLanguageByTheChannelsTheyAgreedTo() {
        // Arabic preferred but only an English name: the greeting falls back to it
        PatientForm adult = TestPatients.adult();
        PatientId grownUp = new PatientId(java.util.UUID.fromString(registered(adult)));
        assertThat(registry.contact(grownUp)).hasValueSatisfying(c -> {
            assertThat(c.patientId()).isEqualTo(grownUp);
            assertThat(c.language()).isEqualTo(Language.AR);
            assertThat(c.givenName()).isEqualTo("Test");
            assertThat(c.givenNameEn()).isEqualTo("Test");
            assertThat(c.givenNameAr()).isEqualTo("Test");
            assertThat(c.mobile()).isEqualTo("+966" + adult.mobile().substring(1));
            assertThat(c.viaGuardian()).isFalse();
            assertThat(c.email()).isNull();
            assertThat(c.channels()).containsExactly(ContactChannel.SMS);
        });

        PatientForm child = TestPatients.child();
        PatientId young = new PatientId(java.util.UUID.fromString(registered(child)));
        assertThat(registry.contact(young)).hasValueSatisfying(c -> {
            assertThat(c.givenName()).isEqualTo("ليان");
            assertThat(c.givenNameEn()).isEqualTo("Layan");
            assertThat(c.mobile())
                    .isEqualTo("+966" + child.guardians().get(0).phone().substring(1));
            assertThat(c.viaGuardian()).isTrue();
            assertThat(c.channels()).containsExactly(ContactChannel.WHATSAPP);
        });

        assertThat(registry.contact(new PatientId(java.util.UUID.randomUUID()))).isEmpty();
    }

    @Test
    void invalidFieldsAreAllNamedAndNothingIsWritten() {
        long patients = count("patient");
        long files = count("patient_file");
        String body = """
                {"givenNameEn":"Sara","birthDate":"2999-01-01","sex":"FEMALE","nationality":"Saudi",
                 "identityDocument":{"type":"NATIONAL_ID","number":"1848506951"},"mobile":"12345","email":"not-an-email"}
                """;
        MvcTestResult result = mvc.post()
                .uri("/api/v1/patients")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(result).hasStatus(422);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("birthDate", "nationality", "mobile", "email");
        assertThat(count("patient")).isEqualTo(patients);
        assertThat(count("patient_file")).isEqualTo(files);
    }

    @Test
    void crossFieldRulesAnswer422WithEveryField() {
        PatientForm badId = TestPatients.withIdentity(TestPatients.adult(), "1848506951");
        MvcTestResult result = register(reception, badId, "");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("identityDocument.number");
        assertThat(result).bodyJson().extractingPath("$.errors[0].reason").isEqualTo("the check digit does not match");
    }

    @Test
    void malformedJsonIs400NamingTheField() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/patients")
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"birthDate\":\"01/02/2000\"}")
                .exchange();
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("birthDate");
        assertThat(mvc.post()
                        .uri("/api/v1/patients")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .hasStatus(400);
    }

    @Test
    void updatesNeedTheVersionThatWasRead() throws Exception {
        PatientForm form = TestPatients.adult();
        String id = registered(form);
        MvcTestResult read = mvc.get()
                .uri("/api/v1/patients/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        String etag = read.getResponse().getHeader(HttpHeaders.ETAG);
        PatientForm changed = TestPatients.withEmail(form, "new.address@example.com");

        assertThat(update(id, null, changed)).hasStatus(428);
        assertThat(update(id, "\"999\"", changed))
                .hasStatus(412)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:stale-version");
        MvcTestResult ok = update(id, etag, changed);
        assertThat(ok).hasStatusOk().bodyJson().extractingPath("$.email").isEqualTo("new.address@example.com");
        assertThat(ok.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        // The first writer's version is now stale.
        assertThat(update(id, etag, TestPatients.withEmail(form, "other@example.com")))
                .hasStatus(412);

        List<String> fields = jdbc.sql(
                        "select changed_fields from audit_entry where record_id = :id and action = 'UPDATE'")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .list();
        assertThat(fields).containsExactly("email");
    }

    MvcTestResult update(String id, String ifMatch, PatientForm form) {
        var request = mvc.put()
                .uri("/api/v1/patients/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Json.of(form));
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    @Test
    void archivedPatientsLeaveSearchAndCanBeRestored() {
        PatientForm form = TestPatients.adult();
        String id = registered(form);
        String identity = form.identityDocument().number();

        assertThat(search("identity=" + identity))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .hasSize(1);
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/archive", id)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"moved abroad\"}"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/archive", id)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"moved abroad\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ARCHIVED");
        assertThat(search("identity=" + identity))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        // An archived patient cannot be changed until restored.
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/archive", id)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"again\"}"))
                .hasStatus(409)
                .bodyJson()
                .extractingPath("$.currentStatus")
                .isEqualTo("ARCHIVED");

        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/restore", id)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer()))
                .hasStatusOk();
        assertThat(search("identity=" + identity))
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .hasSize(1);
    }

    MvcTestResult search(String query) {
        return mvc.get()
                .uri("/api/v1/patients/search?" + query)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
    }

    @Test
    void mergeKeepsEveryReferenceOnTheSurvivor() throws Exception {
        PatientForm survivorForm = TestPatients.child();
        String survivor = registered(survivorForm);
        PatientForm duplicateForm = new PatientForm(
                null,
                null,
                survivorForm.givenNameEn(),
                survivorForm.familyNameEn(),
                survivorForm.birthDate(),
                survivorForm.sex(),
                "SA",
                new PatientForm.IdentityDocumentForm(IdentityDocumentType.NATIONAL_ID, TestPatients.nationalId(), null),
                null,
                "family@example.com",
                survivorForm.preferredLanguage(),
                survivorForm.channels(),
                List.of(new PatientForm.GuardianForm(
                        null, "Noura Al-Qahtani", GuardianRelation.MOTHER, TestPatients.mobile(), true)),
                List.of());
        String duplicate = registered(duplicateForm);
        String consentBody = Json.of(new ConsentForm(
                ConsentKind.TREATMENT, ConsentForm.GivenBy.GUARDIAN, guardianOf(duplicate), "TREAT-2026.1", null));
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/consents", duplicate)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(consentBody))
                .hasStatus(201);

        MvcTestResult merged = mvc.post()
                .uri("/api/v1/patients/{id}/merge", survivor)
                .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mergedPatientId\":\"" + duplicate + "\"}")
                .exchange();

        assertThat(merged).hasStatusOk();
        assertThat(merged).bodyJson().extractingPath("$.email").isEqualTo("family@example.com");
        assertThat(merged).bodyJson().extractingPath("$.guardians").asArray().hasSize(2);
        MvcTestResult summary = mvc.get()
                .uri("/api/v1/patients/{id}/summary", survivor)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        assertThat(summary).bodyJson().extractingPath("$.files").asArray().hasSize(2);
        assertThat(summary).bodyJson().extractingPath("$.consents").asArray().hasSize(1);
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}", duplicate)
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("MERGED");
                    assertThat(json).extractingPath("$.mergedInto").isEqualTo(survivor);
                });
        // The survivor kept exactly one open file at the centre.
        long open = jdbc.sql("select count(*) from patient_file where patient_id = :id and status = 'OPEN'")
                .param("id", UUID.fromString(survivor))
                .query(Long.class)
                .single();
        assertThat(open).isEqualTo(1);
        // Both records' audit trails show the merge.
        long mergeEntries = jdbc.sql(
                        "select count(*) from audit_entry where action = 'MERGE' and patient_id = :s and related_patient_id = :d")
                .param("s", UUID.fromString(survivor))
                .param("d", UUID.fromString(duplicate))
                .query(Long.class)
                .single();
        assertThat(mergeEntries).isEqualTo(1);
        // Merging again is a conflict: the duplicate is no longer active.
        assertThat(mvc.post()
                        .uri("/api/v1/patients/{id}/merge", survivor)
                        .header(HttpHeaders.AUTHORIZATION, manager.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mergedPatientId\":\"" + duplicate + "\"}"))
                .hasStatus(409);
    }

    UUID guardianOf(String patientId) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/patients/{id}", patientId)
                .header(HttpHeaders.AUTHORIZATION, reception.bearer())
                .exchange();
        return UUID.fromString(Bodies.read(result, "$.guardians[0].id"));
    }

    @Test
    void unknownIdsAre404AndNonStaffAre401() {
        assertThat(mvc.get()
                        .uri("/api/v1/patients/{id}", UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(404)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo("urn:tenhal:problem:not-found");
        assertThat(mvc.get().uri("/api/v1/patients/{id}", UUID.randomUUID())).hasStatus(401);
        assertThat(mvc.get().uri("/api/v1/patients/not-a-uuid").header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(400);
    }

    @Test
    void listsArePagedAndSortableOnlyByNamedProperties() {
        registered(TestPatients.adult());
        assertThat(mvc.get()
                        .uri("/api/v1/patients?size=2&sort=mrn,desc")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.content").asArray().hasSizeLessThanOrEqualTo(2);
                    assertThat(json).extractingPath("$.page.size").isEqualTo(2);
                });
        assertThat(mvc.get()
                        .uri("/api/v1/patients?sort=searchText")
                        .header(HttpHeaders.AUTHORIZATION, reception.bearer()))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("sort");
    }
}
