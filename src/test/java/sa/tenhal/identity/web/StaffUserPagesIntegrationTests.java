package sa.tenhal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import sa.tenhal.identity.StaffAccounts;
import sa.tenhal.identity.UserId;
import sa.tenhal.platform.SecretTokens;

@TenhalIntegrationTest
class StaffUserPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminFindsStaffByNameInBothLanguages() {
        var nurse = staff.as(Role.NURSE);
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));

        MvcTestResult english = mvc.get()
                .uri("/admin/users?q={q}", nurse.username().toUpperCase())
                .cookie(session)
                .exchange();
        assertThat(english).hasStatusOk();
        assertThat(Bodies.text(english))
                .contains(
                        "Staff users",
                        nurse.username(),
                        "Nurse",
                        "Active",
                        "/admin/users/" + nurse.id().value());

        MvcTestResult arabic = mvc.get()
                .uri("/admin/users?lang=ar&role=NURSE&q={q}", nurse.username())
                .cookie(session)
                .exchange();
        assertThat(Bodies.text(arabic)).contains("dir=\"rtl\"", "الموظفون", "ممرض", nurse.username());

        MvcTestResult none = mvc.get()
                .uri("/admin/users?role=FINANCE&q={q}", nurse.username())
                .cookie(session)
                .exchange();
        assertThat(Bodies.text(none))
                .contains("No staff user matches.")
                .doesNotContain("/admin/users/" + nurse.id().value());
    }

    @Test
    void creatingAUserFromThePageSavesAuditsAndSendsTheSetPasswordLink() {
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));
        assertThat(mvc.get().uri("/admin/users/new?lang=ar").cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("موظف جديد", "name=\"roles\"");

        String username = Unique.name("page");
        MvcTestResult created = mvc.post()
                .uri("/admin/users")
                .cookie(session)
                .with(csrf())
                .param("username", username)
                .param("fullNameEn", "Huda Saleh")
                .param("fullNameAr", "هدى صالح")
                .param("email", username + "@clinic.example")
                .param("roles", "RECEPTIONIST", "FINANCE")
                .param("language", "EN")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/users/");
        UUID id = UUID.fromString(location.substring("/admin/users/".length()));

        var account = accounts.get(new UserId(id));
        assertThat(account.member().roles()).containsExactlyInAnyOrder(Role.RECEPTIONIST, Role.FINANCE);
        assertThat(account.hasPassword()).isFalse();
        assertThat(audited(id, "CREATE")).isEqualTo(1);
        await().untilAsserted(() -> assertThat(messages(username + "@clinic.example", "staff-welcome"))
                .isEqualTo(1));

        MvcTestResult shown = mvc.get().uri(location).cookie(session).exchange();
        assertThat(Bodies.text(shown))
                .contains("The staff user is created.", "Huda Saleh", "هدى صالح", "No password yet", "Receptionist");
    }

    @Test
    void aFormWithMistakesComesBackWithEachReasonBesideItsFieldInArabic() {
        var existing = staff.as(Role.NURSE);
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));
        MvcTestResult sent = mvc.post()
                .uri("/admin/users?lang=ar")
                .cookie(session)
                .with(csrf())
                .param("username", "No Spaces!")
                .param("fullNameEn", "")
                .param("email", "not-an-email")
                .param("language", "AR")
                .exchange();
        assertThat(sent).hasStatusOk();
        String page = Bodies.text(sent);
        assertThat(page)
                .contains("dir=\"rtl\"")
                .containsPattern("id=\"username\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"username\"")
                .contains("يجب أن يتكوّن من 3 إلى 50 حرفًا لاتينيًا صغيرًا")
                .containsPattern("id=\"email\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"email\"")
                .contains("value=\"No Spaces!\"");
        assertThat(page).containsPattern("<fieldset class=\"invalid\">");

        // A taken username is reported beside the username.
        MvcTestResult taken = mvc.post()
                .uri("/admin/users")
                .cookie(session)
                .with(csrf())
                .param("username", existing.username())
                .param("fullNameEn", "Someone Else")
                .param("email", "someone-" + UUID.randomUUID() + "@clinic.example")
                .param("roles", "NURSE")
                .param("language", "EN")
                .exchange();
        assertThat(taken).hasStatusOk();
        assertThat(Bodies.text(taken))
                .containsPattern("id=\"username\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"username\"")
                .contains("This username is taken.");
    }

    @Test
    void anAdminChangesRolesDeactivatesAndReactivatesAndNoticesConcurrentChanges() {
        var nurse = staff.as(Role.NURSE);
        UUID id = nurse.id().value();
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));
        var before = accounts.get(nurse.id());

        assertThat(mvc.get().uri("/admin/users/{id}/edit", id).cookie(session))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"" + nurse.username() + "\"", "readonly");

        MvcTestResult saved = edit(session, id, before.version(), "PROVIDER");
        assertThat(saved).hasRedirectedUrl("/admin/users/" + id);
        assertThat(accounts.get(nurse.id()).member().roles()).containsExactlyInAnyOrder(Role.NURSE, Role.PROVIDER);
        assertThat(audited(id, "UPDATE")).isEqualTo(1);

        // The same old version again: someone else changed it meanwhile.
        MvcTestResult stale = edit(session, id, before.version(), "FINANCE");
        assertThat(stale).hasStatusOk();
        assertThat(Bodies.text(stale)).contains("Someone else changed this record");

        long version = accounts.get(nurse.id()).version();
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/deactivate", id)
                        .cookie(session)
                        .with(csrf())
                        .param("version", Long.toString(version)))
                .hasRedirectedUrl("/admin/users/" + id);
        assertThat(accounts.get(nurse.id()).member().enabled()).isFalse();
        assertThat(audited(id, "DEACTIVATE")).isEqualTo(1);
        assertThat(Bodies.text(
                        mvc.get().uri("/admin/users/{id}", id).cookie(session).exchange()))
                .contains("The user is deactivated", "Deactivated", "Reactivate");

        assertThat(mvc.post()
                        .uri("/admin/users/{id}/reactivate", id)
                        .cookie(session)
                        .with(csrf())
                        .param("version", Long.toString(accounts.get(nurse.id()).version())))
                .hasRedirectedUrl("/admin/users/" + id);
        assertThat(accounts.get(nurse.id()).member().enabled()).isTrue();
    }

    @Test
    void anAdminLiftsAUsersSignInWaitsFromTheirPage() {
        var receptionist = staff.as(Role.RECEPTIONIST);
        UUID id = receptionist.id().value();
        // the receptionist mistyped at the front desk until told to wait
        for (int i = 0; i < 6; i++) {
            mvc.post()
                    .uri("/login")
                    .param("username", receptionist.username())
                    .param("password", "mistyped-" + i)
                    .with(csrf())
                    .with(request -> {
                        request.setRemoteAddr("10.40.0.1");
                        return request;
                    })
                    .exchange();
        }
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));
        assertThat(Bodies.text(
                        mvc.get().uri("/admin/users/{id}", id).cookie(session).exchange()))
                .contains("Lift sign-in waits", "Nothing is locked")
                .doesNotContain("Locked");
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/unlock", id)
                        .cookie(session)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + id);
        assertThat(accounts.get(receptionist.id()).signInDelaysLiftedAt()).isNotNull();
        assertThat(Bodies.text(mvc.get()
                        .uri("/admin/users/{id}?lang=ar", id)
                        .cookie(session)
                        .exchange()))
                .contains("تم رفع انتظار تسجيل الدخول", "آخر رفع لانتظار تسجيل الدخول");
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", receptionist.username())
                        .param("password", StaffFixtures.PASSWORD)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("10.40.0.1");
                            return request;
                        }))
                .hasRedirectedUrl("/");
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        var admin = staff.as(Role.ADMIN);
        UUID id = admin.id().value();
        Cookie session = Pages.signIn(mvc, admin);
        long version = accounts.get(admin.id()).version();

        MvcTestResult withoutAdmin = mvc.post()
                .uri("/admin/users/{id}?lang=ar", id)
                .cookie(session)
                .with(csrf())
                .param("fullNameEn", "Test Admin")
                .param("email", admin.username() + "@test.tenhal.sa")
                .param("roles", "MANAGER")
                .param("language", "EN")
                .param("version", Long.toString(version))
                .exchange();
        assertThat(withoutAdmin).hasStatusOk();
        assertThat(Bodies.text(withoutAdmin)).contains("لا يمكنك إزالة دور مسؤول النظام عن نفسك");

        mvc.post()
                .uri("/admin/users/{id}/deactivate", id)
                .cookie(session)
                .with(csrf())
                .param("version", Long.toString(version))
                .exchange();
        assertThat(accounts.get(admin.id()).member().enabled()).isTrue();
        assertThat(accounts.get(admin.id()).member().roles()).contains(Role.ADMIN);
    }

    @Test
    void anAdminSendsANewSetPasswordLink() {
        var receptionist = staff.as(Role.RECEPTIONIST);
        UUID id = receptionist.id().value();
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/password-link", id)
                        .cookie(session)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + id);
        assertThat(Bodies.text(
                        mvc.get().uri("/admin/users/{id}", id).cookie(session).exchange()))
                .contains("A new set-password link is on its way");
        await().untilAsserted(() -> assertThat(messages(receptionist.username() + "@test.tenhal.sa", "password-setup"))
                .isEqualTo(1));
        assertThat(jdbc.sql(
                                "select count(*) from audit_entry where record_id = :id and note = 'set-password link sent'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aTokenIsShownOnceAndOnlyItsHashIsKept() {
        var client = staff.as(Role.RECEPTIONIST);
        UUID id = client.id().value();
        Cookie session = Pages.signIn(mvc, staff.as(Role.ADMIN));

        MvcTestResult invalid = mvc.post()
                .uri("/admin/users/{id}/tokens?lang=ar", id)
                .cookie(session)
                .with(csrf())
                .param("name", "lab")
                .param("validForDays", "9999")
                .exchange();
        assertThat(invalid).hasStatusOk();
        assertThat(Bodies.text(invalid))
                .containsPattern("id=\"validForDays\"[^>]*class=\"invalid\"|class=\"invalid\"[^>]*id=\"validForDays\"")
                .contains("730");

        MvcTestResult issued = mvc.post()
                .uri("/admin/users/{id}/tokens", id)
                .cookie(session)
                .with(csrf())
                .param("name", "lab interface")
                .param("validForDays", "30")
                .exchange();
        assertThat(issued).hasStatusOk().hasHeader("Cache-Control", "no-store");
        Matcher token = Pattern.compile("tnh_[0-9a-f]{64}").matcher(Bodies.text(issued));
        assertThat(token.find()).isTrue();
        assertThat(Bodies.text(issued)).contains("Copy the token “lab interface” now");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :h")
                        .param("h", SecretTokens.sha256(token.group()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The token works, and is never shown again.
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.group()))
                .hasStatusOk();
        String later = Bodies.text(
                mvc.get().uri("/admin/users/{id}", id).cookie(session).exchange());
        assertThat(later).contains("lab interface").doesNotContain(token.group());

        UUID tokenId = accounts.tokens(client.id()).stream()
                .filter(t -> t.name().equals("lab interface"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.post()
                        .uri("/admin/users/{id}/tokens/{token}/revoke", id, tokenId)
                        .cookie(session)
                        .with(csrf()))
                .hasRedirectedUrl("/admin/users/" + id);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + token.group()))
                .hasStatus(401);
        assertThat(audited(tokenId, "CREATE")).isEqualTo(1);
        assertThat(audited(tokenId, "DEACTIVATE")).isEqualTo(1);
    }

    @Test
    void onlyAdminsOpenTheStaffPages() {
        for (Role role : new Role[] {Role.MANAGER, Role.RECEPTIONIST, Role.PROVIDER, Role.NURSE, Role.FINANCE}) {
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin/users").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(mvc.post()
                            .uri("/admin/users")
                            .cookie(session)
                            .with(csrf())
                            .param("username", "sneaky")
                            .accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
        }
    }

    private MvcTestResult edit(Cookie session, UUID id, long version, String extraRole) {
        var m = accounts.get(new UserId(id)).member();
        return mvc.post()
                .uri("/admin/users/{id}", id)
                .cookie(session)
                .with(csrf())
                .param("fullNameEn", m.fullNameEn())
                .param("email", m.email())
                .param("roles", "NURSE", extraRole)
                .param("language", "EN")
                .param("version", Long.toString(version))
                .exchange();
    }

    private long audited(UUID record, String action) {
        return jdbc.sql("select count(*) from audit_entry where record_id = :id and action = :action")
                .param("id", record)
                .param("action", action)
                .query(Long.class)
                .single();
    }

    private long messages(String address, String kind) {
        return jdbc.sql("select count(*) from notification_message where address = :a and kind = :k")
                .param("a", address)
                .param("k", kind)
                .query(Long.class)
                .single();
    }
}
