package sa.tenhal.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import sa.tenhal.Bodies;
import sa.tenhal.Pages;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

@TenhalIntegrationTest
class InboxPageIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @Autowired
    StaffInbox inbox;

    @Test
    void theBadgeCountsUnreadNoticesAndOpeningOneFollowsItsLink() {
        var nurse = staff.as(Role.NURSE);
        Cookie session = Pages.signIn(mvc, nurse);
        assertThat(Bodies.text(mvc.get().uri("/inbox/badge").cookie(session).exchange()))
                .isEmpty();

        UUID user = nurse.id().value();
        inbox.add(
                "test-" + UUID.randomUUID(),
                user,
                "TEST",
                "Patient arrived",
                "Sara is at reception",
                "/patients",
                Instant.now());
        inbox.add("test-" + UUID.randomUUID(), user, "TEST", "Evil", "x", "https://elsewhere.example", Instant.now());
        assertThat(Bodies.text(mvc.get().uri("/inbox/badge").cookie(session).exchange()))
                .isEqualTo("2");

        var page = mvc.get().uri("/inbox").cookie(session).exchange();
        assertThat(Bodies.text(page)).contains("Patient arrived", "Sara is at reception", "Unread (2)");

        UUID first = inbox.of(user, true, 0, 10).stream()
                .filter(n -> n.title().equals("Patient arrived"))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.post()
                        .uri("/inbox/{id}/open", first)
                        .cookie(session)
                        .with(csrf())
                        .param("link", "/patients"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/patients");
        UUID second = inbox.of(user, true, 0, 10).get(0).id();
        // A link that leaves Tenhal is not followed.
        assertThat(mvc.post()
                        .uri("/inbox/{id}/open", second)
                        .cookie(session)
                        .with(csrf())
                        .param("link", "https://elsewhere.example"))
                .hasRedirectedUrl("/inbox");
        assertThat(inbox.unread(user)).isZero();

        // Someone else's notice is not found.
        Cookie other = Pages.signIn(mvc, staff.as(Role.NURSE));
        assertThat(mvc.post()
                        .uri("/inbox/{id}/open", first)
                        .cookie(other)
                        .with(csrf())
                        .accept("text/html"))
                .hasStatus(404);
    }
}
