package sa.tenhal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import sa.tenhal.StaffFixtures;
import sa.tenhal.TenhalIntegrationTest;
import sa.tenhal.identity.Role;

/**
 * Every list answers as docs/api.md says — {@code {content: [...], page: {size, number, totalElements, totalPages}}} —
 * and a page far past the end is an empty page, not an overflowing offset.
 */
@TenhalIntegrationTest
class PagedListsIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    StaffFixtures staff;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/admin/messages",
                "/api/v1/admin/job-failures",
                "/api/v1/admin/event-publications",
                "/api/v1/me/notifications"
            })
    void listsThatPageThemselvesAnswerTheDocumentedPage(String list) {
        String admin = staff.as(Role.ADMIN).bearer();
        MvcTestResult first = mvc.get()
                .uri(list + "?page=0&size=5")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange();
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.content").asArray().hasSizeLessThanOrEqualTo(5);
        assertThat(first).bodyJson().extractingPath("$.page.size").isEqualTo(5);
        assertThat(first).bodyJson().extractingPath("$.page.number").isEqualTo(0);
        assertThat(first).bodyJson().extractingPath("$.page.totalElements").isNotNull();

        MvcTestResult far = mvc.get()
                .uri(list + "?page=2147483647&size=100")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange();
        assertThat(far).hasStatusOk();
        assertThat(far).bodyJson().extractingPath("$.content").asArray().isEmpty();
    }
}
