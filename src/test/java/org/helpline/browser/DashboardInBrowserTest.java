package org.helpline.browser;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.directory.Directory;
import org.helpline.event.CallEvents;
import org.helpline.directory.Resource;
import org.helpline.directory.ResourceRepository;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor in a real headless Chromium: signs in, sees the dashboard and its charts, renames a resource, and
 * the very next call hears the new name. Screenshots are kept in {@code target/screenshots}. Skipped where Debian's
 * chromium and chromium-driver are not installed, unless {@code -Dhelpline.test.require-browser=true} (as in CI).
 */
@MicronautTest(transactional = false)
@Property(name = "helpline.supervisors.first-user", value = "browser")
@Property(name = "helpline.supervisors.first-password", value = "a browser's secret")
class DashboardInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Inject
    Directory directory;

    @Inject
    CallEvents events;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ResourceRepository resources;

    private WebDriver browser;
    private Resource renamed;

    @BeforeEach
    void startChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && Boolean.getBoolean("helpline.test.require-browser")) {
            throw new IllegalStateException("Chromium and chromedriver are required: apt-get install chromium "
                + "chromium-driver");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");

        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (renamed != null) {
            resources.update(renamed);
            directory.changed();
        }
    }

    @Test
    void whenASupervisorRenamesAResourceThenTheNextCallHearsTheNewName() throws IOException {
        for (String key : new String[] {"1", "3", "0", "4"}) {
            CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
            call.start();
            call.press(key);
        }
        // The dashboard counts calls once the event writer has summed them (within a second).
        await().atMost(Duration.ofSeconds(10)).until(events::settled);
        String base = server.getURL().toString();
        browser.get(base + "/supervisor/dashboard");
        assertThat(browser.getCurrentUrl()).endsWith("/supervisor/login");
        browser.findElement(By.id("username")).sendKeys("browser");
        browser.findElement(By.id("password")).sendKeys("a browser's secret");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // A click returns before the next page loads: wait for it, or the old page's elements go stale under us.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/dashboard"));

        assertThat(browser.getCurrentUrl()).contains("/supervisor/dashboard");
        assertThat(browser.findElement(By.id("calls")).getText()).matches("\\d+");
        assertThat(browser.findElements(By.cssSelector("#heatmap svg rect"))).hasSize(7 * 24);
        assertThat(browser.findElements(By.cssSelector("#queue .bar"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#flow svg line"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("flow")).getText()).contains("main", "stages", "overdose");
        screenshot("dashboard");

        browser.get(base + "/supervisor/directory");
        renamed = resources.findByActiveTrueOrderByPosition().stream()
            .filter(r -> r.name().equals("Nar-Anon")).findFirst().orElseThrow();
        WebElement name = browser.findElement(By.cssSelector("input[form='r-" + renamed.id() + "'][name=name]"));
        name.clear();
        name.sendKeys("Nar-Anon Family Groups");
        browser.findElement(By.cssSelector("#r-" + renamed.id() + " button[value=save]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(name));
        assertThat(browser.findElement(By.cssSelector("input[form='r-" + renamed.id() + "'][name=name]"))
            .getAttribute("value")).isEqualTo("Nar-Anon Family Groups");
        screenshot("directory");

        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        assertThat(call.press("4").saidInGather()).contains("Nar-Anon Family Groups.").doesNotContain("Nar-Anon.");
    }

    private void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SHOTS);
        Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
