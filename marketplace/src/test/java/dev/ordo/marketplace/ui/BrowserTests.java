package dev.ordo.marketplace.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import dev.ordo.marketplace.MarketplaceApplication;
import dev.ordo.marketplace.api.TestStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded marketplace on SQLite with the demo catalog and fulfilment on, and a headless Chromium driven by
 * Playwright: each test gets a new browser context (its own storage, so its own signed-in user). {@link #signIn}
 * goes through the login page; {@link #screenshot} saves the page under {@code target/ui-screenshots} (kept as a build
 * artifact; the README shows them). Page errors (uncaught exceptions in the page's scripts) fail the test.
 */
@SpringBootTest(classes = MarketplaceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"marketplace.demo-data=true", "management.tracing.export.enabled=false",
                "marketplace.rate-limit.enabled=false", "marketplace.payments.latency=20ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class BrowserTests {

    /** Where the screenshots go. */
    public static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

    @TempDir
    static Path folder;

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
    }

    @BeforeAll
    static void launchTheBrowser() {
        Path chromium = Chromium.executable();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openAPage() {
        context = newContext();
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    @AfterEach
    void closeThePageWithoutScriptErrors() {
        context.close();
        assertThat(pageErrors).as("errors in the page's scripts").isEmpty();
    }

    /** A browser context of its own (another user, another tab's storage), closed by the caller. */
    protected BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL(url("")).setViewportSize(1280, 860));
    }

    /** The app's address with the path. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs the demo user in on the login page (their password is their name with {@code -secret}). */
    protected void signIn(Page on, String user) {
        on.navigate("/ui/login.html");
        on.fill("#username", user);
        on.fill("#password", user + "-secret");
        on.click("#login");
        on.waitForURL(address -> !address.contains("/login.html"));
        // not NETWORKIDLE: a page with a live stream always has a request open
        on.waitForLoadState(LoadState.LOAD);
    }

    /** Saves the whole page as {@code target/ui-screenshots/<name>.png}. */
    protected void screenshot(Page on, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        on.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
