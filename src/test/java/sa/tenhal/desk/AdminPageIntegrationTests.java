package sa.tenhal.desk;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class AdminPageIntegrationTests {

    static final String[] ADMIN_PAGES = {
        "/admin/users",
        "/admin/catalogue/centres",
        "/admin/catalogue/clinics",
        "/admin/catalogue/providers",
        "/admin/catalogue/rooms",
        "/admin/catalogue/services",
        "/admin/jobs",
        "/admin/jobs/dashboard",
        "/admin/events",
        "/admin/outbox",
        "/admin/audit"
    };

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Test
    void anAdminFindsEveryAdminPageFromTheIndexInBothLanguages() {
        Cookie admin = Pages.signIn(mvc, staff.as(Role.ADMIN));
        String english = Bodies.text(mvc.get().uri("/admin").cookie(admin).exchange());
        assertThat(english).contains("Administration", "People and access", "Background work", "Records");
        for (String page : ADMIN_PAGES) {
            assertThat(english).contains("href=\"" + page + "\"");
            assertThat(mvc.get().uri(page).cookie(admin)).as(page).hasStatusOk();
        }
        assertThat(Bodies.text(mvc.get().uri("/admin?lang=ar").cookie(admin).exchange()))
                .contains("dir=\"rtl\"", "الإدارة", "الموظفون والصلاحيات", "سجل التدقيق", "دليل الخدمات")
                .doesNotContain("??");
        // The header leads here.
        assertThat(Bodies.text(mvc.get().uri("/").cookie(admin).exchange())).contains("href=\"/admin\"");
    }

    @Test
    void aManagerSeesOnlyTheCatalogue() {
        Cookie manager = Pages.signIn(mvc, staff.as(Role.MANAGER));
        String index = Bodies.text(mvc.get().uri("/admin").cookie(manager).exchange());
        assertThat(index)
                .contains("clinics, providers, rooms and services", "href=\"/admin/catalogue/clinics\"")
                .doesNotContain("href=\"/admin/users\"", "href=\"/admin/audit\"", "href=\"/admin/jobs\"");
        assertThat(Bodies.text(mvc.get().uri("/").cookie(manager).exchange())).contains("href=\"/admin\"");
        for (String page : ADMIN_PAGES) {
            int expected = page.startsWith("/admin/catalogue/") ? 200 : 403;
            assertThat(mvc.get().uri(page).cookie(manager).accept("text/html"))
                    .as(page)
                    .hasStatus(expected);
        }
    }

    @Test
    void otherRolesMayNotOpenIt() {
        for (Role role : new Role[] {Role.RECEPTIONIST, Role.PROVIDER, Role.NURSE, Role.FINANCE}) {
            Cookie session = Pages.signIn(mvc, staff.as(role));
            assertThat(mvc.get().uri("/admin").cookie(session).accept("text/html"))
                    .as(role.name())
                    .hasStatus(403);
            assertThat(Bodies.text(mvc.get().uri("/").cookie(session).exchange()))
                    .as(role.name())
                    .doesNotContain("href=\"/admin\"");
        }
    }
}
