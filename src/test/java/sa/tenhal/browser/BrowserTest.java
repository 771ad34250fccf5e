package sa.tenhal.browser;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import sa.tenhal.TestConfig;

/**
 * A journey through the pages in a real browser against the running application (a port of its own, the tests'
 * shared PostgreSQL). One Chromium per test class; a failing test leaves a screenshot of where it stopped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
public abstract class BrowserTest {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start("http://localhost:" + port, DESKTOP);
        }
        browser.signOut();
        browser.resize(DESKTOP);
    }

    /** Every page a journey opened ran with the content security policy, and the policy refused nothing. */
    @org.junit.jupiter.api.AfterEach
    void nothingRefusedByTheContentSecurityPolicy() {
        if (browser != null) {
            org.assertj.core.api.Assertions.assertThat(browser.refusedByContentSecurityPolicy())
                    .as("refused by the content security policy")
                    .isEmpty();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    protected Browser browser() {
        return browser;
    }

    static class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            testFailed(context, cause);
        }

        @Override
        public void testDisabled(ExtensionContext context, Optional<String> reason) {}
    }
}
