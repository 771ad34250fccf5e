package sa.tenhal.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import sa.tenhal.StaffFixtures;

/**
 * Debian's headless Chromium, driven through its chromedriver (no downloads: Selenium Manager is told to stay
 * offline), with what page tests do most: open a path, sign in, fill a field by its label, keep a screenshot.
 */
public final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser start(String base, Dimension size) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        // the console, to see what the content security policy refused
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    /** Opens a path of the application, e.g. {@code /patients?lang=ar}. */
    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public Browser signIn(StaffFixtures.Caller caller, String language) {
        open("/login?lang=" + language);
        driver.findElement(By.id("username")).sendKeys(caller.username());
        driver.findElement(By.id("password")).sendKeys(StaffFixtures.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(() -> !driver.getCurrentUrl().contains("/login"));
        return this;
    }

    /** The form control whose label reads {@code label}, as a person finds it. */
    public WebElement field(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)=" + quote(label) + "]"));
        String id = labelElement.getDomAttribute("for");
        return id != null
                ? driver.findElement(By.id(id))
                : labelElement.findElement(By.xpath(".//input|.//select|.//textarea"));
    }

    public Browser type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    public Browser choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
        return this;
    }

    /** Clicks the button or link with this text. */
    public Browser press(String text) {
        driver.findElement(By.xpath(
                        "//button[normalize-space(.)=" + quote(text) + "]|//a[normalize-space(.)=" + quote(text) + "]"))
                .click();
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Scrolls the page so that the element is in view (for a screenshot of what matters). */
    public WebElement scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The page's visible text; a page that is being replaced (after a submit) is read again once it has settled. */
    public String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                if (attempt == 5) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public String attribute(By by, String name) {
        return driver.findElement(by).getDomAttribute(name);
    }

    public void waitFor(java.util.function.BooleanSupplier condition) {
        // A submit replaces the page under our feet: an element read mid-navigation is stale, so look again.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> condition.getAsBoolean());
    }

    public void waitForText(String text) {
        waitFor(() -> text().contains(text));
    }

    /** Keeps what the page looks like now as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^\\w.-]", "_") + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser resize(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /**
     * What the content security policy refused since the last call (an inline script or event handler that would not
     * run), as Chromium reported it in the console.
     */
    public List<String> refusedByContentSecurityPolicy() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    public void signOut() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** A family name of eight random letters: unlike any other test's, so no lookalike warning interrupts a journey. */
    public static String randomName() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static String quote(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
