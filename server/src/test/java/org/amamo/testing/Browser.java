package org.amamo.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver, installed by .ci/run) driven by Selenium
 * for the browser journeys. No driver is downloaded: the machine's own binaries are used, those named by
 * {@code AMAMO_CHROMIUM} and {@code AMAMO_CHROMEDRIVER}, or else {@code chromium} and {@code chromedriver} on the
 * PATH. Without them {@link TestEnvironment} skips the journeys.
 */
public final class Browser implements AutoCloseable {

    /** How to install the binaries, said when they are missing. */
    static final String HOW_TO_INSTALL = "apt-get install -y chromium chromium-driver";

    private static final Path CHROMIUM = binary("AMAMO_CHROMIUM", "chromium");
    private static final Path CHROMEDRIVER = binary("AMAMO_CHROMEDRIVER", "chromedriver");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path userData;

    public Browser(int port) throws java.io.IOException {
        String missing = missing();
        if (missing != null) {
            throw new IllegalStateException("Browser journeys need " + missing + ": " + HOW_TO_INSTALL);
        }
        this.baseUrl = "http://localhost:" + port;
        this.userData = Files.createTempDirectory("amamo-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1024",
                "--lang=ja",
                "--user-data-dir=" + userData);
        // The console is kept so that a test can check a page logs no error (a blocked image, a failed script).
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value directly: date and time pickers do not take typed text reliably. */
    public void set(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", find(css), value);
    }

    /**
     * Clicks an element. A click on a submit button or a link loads a new page: the click returns once
     * the old page is gone, so that the next look at the page never sees the one before. A row button of the
     * application form replaces only its section ({@code [data-rows]}, see form-rows.js): the click returns once
     * that section has been replaced.
     */
    public void click(String css) {
        WebElement element = find(css);
        JavascriptExecutor page = (JavascriptExecutor) driver;
        // A link in a closed menu group (a details element of the header) is opened first, as a user would.
        page.executeScript(
                "for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details'))"
                        + " { d.open = true; }",
                element);
        page.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        String href = element.getDomAttribute("href");
        boolean navigates = ("a".equals(element.getTagName()) && href != null && !href.startsWith("#"))
                || ("button".equals(element.getTagName()) && "submit".equals(element.getDomProperty("type")));
        Object section = page.executeScript(
                "return window.htmx && arguments[0].matches('[data-rows] button[name=add], [data-rows] button[name=remove]')"
                        + " ? arguments[0].closest('[data-rows]') : null;",
                element);
        WebElement replaced = section instanceof WebElement rows ? rows : driver.findElement(By.tagName("html"));
        element.click();
        if (navigates) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(ignored -> isGone(replaced));
        }
    }

    /**
     * Whether the page this element belonged to has been replaced. While Chromium swaps documents it may answer
     * with an inspector error ("Node with given id does not belong to the document") instead of a stale-element
     * error; that also means the old document is gone. Any other transient driver error is asked again.
     */
    private static boolean isGone(WebElement oldPage) {
        try {
            oldPage.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            return replaced(e);
        }
    }

    /** Runs a script in the page and returns what it returns (a Boolean, Long, String, element or list). */
    public Object evaluate(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Runs a script in the page. */
    public void script(String javascript) {
        ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Chooses the option with this value in a select box. */
    public void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    public String value(String css) {
        return find(css).getDomProperty("value");
    }

    /** Clicks a point of a map, given as an offset in pixels from the map's centre. */
    public void clickMap(String css, int x, int y) {
        WebElement map = find(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
        new Actions(driver)
                .moveToElement(map, x, y)
                .click()
                .pause(Duration.ofMillis(200))
                .perform();
    }

    /** Waits until the element's text is exactly {@code text} (pages that update themselves). */
    public void waitForText(String css, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(ignored -> {
                String shown = readAgainIfReplaced(
                        () -> driver.findElement(By.cssSelector(css)).getText());
                return shown != null && shown.contains(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited for '" + text + "' in " + css + "; the page says: " + pageText(), e);
        }
    }

    /** The element's text, read again if the page (or an htmx swap) replaced the element while it was read. */
    public String text(String css) {
        find(css);
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ignored -> readAgainIfReplaced(
                        () -> driver.findElement(By.cssSelector(css)).getText()));
    }

    public String pageText() {
        return text("body");
    }

    /** Null (ask again) when the element read was replaced meanwhile; see {@link #isGone}. */
    private static String readAgainIfReplaced(java.util.function.Supplier<String> read) {
        try {
            return read.get();
        } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return null;
        } catch (WebDriverException e) {
            if (replaced(e)) {
                return null;
            }
            throw e;
        }
    }

    private static boolean replaced(WebDriverException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("does not belong to the document") || message.contains("No node with given id");
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /**
     * Signs in with a password, then passes the second factor the way a user would: a staff user without one is sent
     * to enrol, which reads the key off the page and enters the app's code (the key is remembered for this user's
     * next sign-ins); a user with one enters a code computed from the remembered key (the demo staff's key is known).
     */
    public void logIn(String email, String password) {
        open("/login");
        type("#username", email);
        type("#password", password);
        click("#login-submit");
        if (present("#email-state") && confirmationLinks != null && path().startsWith("/account/email")) {
            String link = confirmationLinks.apply(email);
            if (link != null) {
                open(link);
                click("#confirm-email");
            }
        }
        if (present("#second-factor-code")) {
            type("#second-factor-code", nextCode(email));
            click("#code-submit");
        } else if (present("#two-factor-secret")) {
            enrol(email);
        }
        find("#nav-logout");
    }

    private java.util.function.Function<String, String> confirmationLinks;

    /** Where {@link #logIn} finds the confirmation link mailed to an unconfirmed user (the site path with its query). */
    public void confirmFrom(java.util.function.Function<String, String> links) {
        this.confirmationLinks = links;
    }

    /** On the enrolment page: turns two-factor sign-in on with the key shown, and leaves the recovery codes page. */
    public String enrol(String email) {
        String secret = text("#two-factor-secret");
        SECRETS.put(email, secret);
        type("#enrol-code", nextCode(email));
        click("#enrol-submit");
        find("#recovery-codes");
        return secret;
    }

    /** The TOTP key this browser's journeys know for a user (learnt at enrolment, or the demo staff's). */
    public static String secretOf(String email) {
        return SECRETS.getOrDefault(email, TestTotp.DEMO_SECRET);
    }

    private static final java.util.Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Long> LAST_STEPS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A code the server has not accepted yet for this user: a code works once, so a second sign-in within the same
     * 30 seconds uses the next step's code (accepted one step early), and waits for the step after that if needed.
     */
    private static String nextCode(String email) {
        long step = TestTotp.currentStep();
        long last = LAST_STEPS.getOrDefault(email, Long.MIN_VALUE);
        while (last >= step + 1) {
            sleepUntilNextStep();
            step = TestTotp.currentStep();
        }
        long use = Math.max(step, last + 1);
        LAST_STEPS.put(email, use);
        return TestTotp.code(secretOf(email), use);
    }

    private static void sleepUntilNextStep() {
        long millis = 30_000 - System.currentTimeMillis() % 30_000 + 50;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Carries out an irreversible action from its confirmation step (the page every such action answers first,
     * {@code platform.Confirmation}), after checking that it says nothing was done yet.
     */
    public void confirm() {
        find("#confirm-lead");
        click("#confirm-submit");
    }

    /** Carries out one of the gravest actions: types {@code typed} (the quantity or serial range) and confirms. */
    public void confirm(String typed) {
        type("#typedConfirmation", typed);
        confirm();
    }

    public void logOut() {
        click("#nav-logout");
        find("#nav-login");
    }

    /**
     * The console messages of level SEVERE since the last call: script errors, resources that failed to load and
     * Content-Security-Policy violations.
     */
    public java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
    }

    /**
     * Makes the page {@code width} CSS pixels wide (and {@code height} high), as a desktop window of that size: no
     * phone emulation, so a page wider than the window scrolls sideways instead of being zoomed out to fit.
     */
    public void viewport(int width, int height) {
        ((ChromeDriver) driver)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * The accessibility rules the page breaks with serious or critical impact, as axe-core (run in the page) reports
     * them: one line per rule with the elements that break it.
     */
    @SuppressWarnings("deprecation") // legacy mode: see below
    public List<String> seriousAccessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                // In the page itself: the pages have no frames, and the default mode opens a second window for each
                // check, which times out on a busy machine.
                .setLegacyMode(true)
                .disableIframeTesting()
                .analyze(driver);
        if (results.isErrored()) {
            return List.of("axe-core could not check the page: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                        + rule.getNodes().stream()
                                .limit(5)
                                .map(node -> String.valueOf(node.getTarget()))
                                .toList())
                .toList();
    }

    /** The page's title, as the tab shows it. */
    public String title() {
        return driver.getTitle();
    }

    /** How many elements of the page match {@code css} now. */
    public int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** Saves a screenshot under target/screenshots, for looking at a page a journey passed through. */
    public void screenshot(String name) throws java.io.IOException {
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Which of chromium and chromedriver this machine lacks, and where they were looked for; null if neither. */
    static String missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(where("chromium", "AMAMO_CHROMIUM"));
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(where("chromedriver", "AMAMO_CHROMEDRIVER"));
        }
        return missing.isEmpty() ? null : String.join(" and ", missing);
    }

    private static String where(String name, String variable) {
        String named = System.getenv(variable);
        return named == null || named.isBlank()
                ? name + " (" + variable + " unset, not on the PATH)"
                : name + " (" + variable + "=" + named + " is not executable)";
    }

    /** The file named by the variable, or else the first executable of that name on the PATH (or just the name). */
    private static Path binary(String variable, String name) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            return Path.of(named.strip());
        }
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(Path.of(name));
    }
}
