package sa.tenhal.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.Unique;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class AuditPageIntegrationTests {

    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    JdbcClient jdbc;

    Cookie admin;
    String clerk;
    UUID patient;
    UUID file;

    /** A clerk's day, as the trail recorded it: two days ago a registration, yesterday a read and a file. */
    @BeforeEach
    void aDayOfWork() {
        admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
        clerk = Unique.name("clerk");
        patient = UUID.randomUUID();
        file = UUID.randomUUID();
        LocalDate today = LocalDate.now(RIYADH);
        entry(today.minusDays(2), 9, "Patient", patient, patient, "CREATE", "", null);
        entry(today.minusDays(1), 10, "Patient", patient, patient, "READ", "", "summary");
        entry(today.minusDays(1), 11, "PatientFile", file, patient, "CREATE", "", "file RYD-2026-000123");
        entry(today.minusDays(1), 12, "Patient", patient, patient, "UPDATE", "email,mobile", null);
    }

    @Test
    void anAdminFindsWhatAUserDidNewestFirstInBothLanguages() {
        MvcTestResult english = mvc.get()
                .uri("/admin/audit?user={u}", clerk.toUpperCase())
                .cookie(admin)
                .exchange();
        assertThat(english).hasStatusOk();
        String page = Bodies.text(english);
        assertThat(page).contains("Audit log", "4 entries, newest first", "Changed", "Viewed", "email, mobile");
        String table = page.substring(page.indexOf("<table"));
        assertThat(table.indexOf(">Changed<")).isLessThan(table.indexOf("file RYD-2026-000123"));
        assertThat(table.indexOf("file RYD-2026-000123")).isLessThan(table.indexOf(">Viewed<"));
        assertThat(table.indexOf(">Viewed<")).isLessThan(table.lastIndexOf(">Created<"));

        MvcTestResult arabic = mvc.get()
                .uri("/admin/audit?lang=ar&user={u}", clerk)
                .cookie(admin)
                .exchange();
        assertThat(Bodies.text(arabic)).contains("dir=\"rtl\"", "سجل التدقيق", "4 قيود", "اطلاع", "تعديل", "ملف مريض");
    }

    @Test
    void theFiltersNarrowByPatientRecordActionAndDays() {
        String yesterday = LocalDate.now(RIYADH).minusDays(1).toString();
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/audit?patient={p}&action=READ", patient)
                        .cookie(admin)
                        .exchange()))
                .contains("1 entry, newest first", "summary");
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/audit?recordId={r}", file)
                        .cookie(admin)
                        .exchange()))
                .contains("1 entry, newest first", "file RYD-2026-000123");
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/audit?user={u}&recordType=Patient&from={d}&to={d}", clerk, yesterday, yesterday)
                        .cookie(admin)
                        .exchange()))
                .contains("2 entries");
        // Paginated: one entry a page, the newest on the first.
        String first = Bodies.text(mvc.get()
                .uri("/admin/audit?user={u}&size=1", clerk)
                .cookie(admin)
                .exchange());
        assertThat(first).contains("email, mobile", "Next").doesNotContain("summary");
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/audit?user={u}&size=1&page=2", clerk)
                        .cookie(admin)
                        .exchange()))
                .contains("summary", "Previous", "Next");
    }

    @Test
    void mistakesInTheFilterAreShownBesideTheirFieldsInArabic() {
        MvcTestResult wrong = mvc.get()
                .uri("/admin/audit?lang=ar&patient=not-an-id&from=2026-05-10&to=2026-05-01")
                .cookie(admin)
                .exchange();
        assertThat(wrong).hasStatusOk();
        assertThat(Bodies.text(wrong))
                .containsPattern("id=\"patient\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"patient\"")
                .contains("المعرّف يشبه")
                .containsPattern("id=\"to\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"to\"")
                .contains("يجب ألا يكون اليوم الأخير قبل اليوم الأول.")
                .doesNotContain("عدد القيود");
    }

    @Test
    void onlyAdminsReadTheAuditLog() {
        for (Role role : Role.values()) {
            if (role == Role.ADMIN) {
                continue;
            }
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin/audit").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
        }
    }

    private void entry(
            LocalDate day,
            int hour,
            String type,
            UUID record,
            UUID patientId,
            String action,
            String fields,
            String note) {
        Instant at = day.atTime(hour, 0).atZone(RIYADH).toInstant();
        jdbc.sql("""
                        insert into audit_entry (at, user_id, username, address, record_type, record_id, patient_id, action,
                                                 changed_fields, note)
                        values (:at, null, :username, '10.0.0.7', :type, :record, :patient, :action, :fields, :note)
                        """)
                .param("at", Timestamp.from(at))
                .param("username", clerk)
                .param("type", type)
                .param("record", record)
                .param("patient", patientId)
                .param("action", action)
                .param("fields", fields)
                .param("note", note)
                .update();
    }
}
