package org.helpline.supervisor;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.Browser;
import org.helpline.support.HtmlPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser or tool whose Accept header names text/html and no wildcard gets the supervisors' pages, signs in and
 * out, and sends their forms; the JSON API still answers JSON to a script that accepts JSON alone, and a page is
 * not passed off to it as JSON. ({@code text/*} alone is not routed by Micronaut: see the README's limits.)
 */
@MicronautTest(transactional = false)
@Property(name = "helpline.supervisors.first-user", value = "noor")
@Property(name = "helpline.supervisors.first-password", value = "html is all I take")
class HtmlOnlyAcceptTest {

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/html; charset=UTF-8"})
    void whenABrowserAcceptsOnlyHtmlThenItSignsInAndSeesEveryPage(String accept) {
        Browser browser = new Browser(server.getURL().toString(), accept);

        assertPage(browser.get("/supervisor/login"), "Sign in");
        HttpResponse<String> signedIn = browser.signIn("noor", "html is all I take");

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/supervisor");
        assertThat(browser.get("/supervisor").headers().firstValue("Location")).hasValue("/supervisor/dashboard");
        assertPage(browser.get("/supervisor/dashboard"), "Dashboard");
        assertPage(browser.get("/supervisor/callbacks"), "Call backs");
        assertPage(browser.get("/supervisor/directory"), "Directory");
        assertPage(browser.get("/supervisor/hours"), "Hours");
        assertPage(browser.get("/supervisor/accounts"), "Accounts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "text/html; charset=UTF-8"})
    void whenABrowserAcceptsOnlyHtmlThenItsFormsAreAnsweredWithThePageAndItsProblems(String accept) {
        Browser browser = new Browser(server.getURL().toString(), accept);
        browser.signIn("noor", "html is all I take");
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        HttpResponse<String> directory = browser.post("/supervisor/directory/add",
            Map.of("_csrf", token, "name", "", "category", "treatment"));
        HttpResponse<String> hours = browser.post("/supervisor/hours/weekly",
            Map.of("_csrf", token, "day", "Monday", "opens", "18:00", "closes", "09:00"));
        HttpResponse<String> account = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "X!", "password", "short"));
        HttpResponse<String> signedOut = browser.post("/supervisor/logout", Map.of("_csrf", token));

        assertThat(assertPage(directory, "Directory").text()).contains("Give the resource a name");
        assertThat(assertPage(hours, "Hours").text()).contains("The closing time must be after the opening time");
        assertThat(assertPage(account, "Accounts").text()).contains("The user name must be 3 to 60 characters");
        assertThat(signedOut.statusCode()).isIn(302, 303);
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/supervisor/login");
    }

    @ParameterizedTest
    @CsvSource({"/supervisor/api/figures, {", "/supervisor/api/callbacks, ["})
    void whenAScriptAcceptsOnlyJsonThenTheApiStillAnswersJson(String path, String opening) {
        Browser browser = new Browser(server.getURL().toString(), Browser.PAGES);
        browser.signIn("noor", "html is all I take");

        HttpResponse<String> answer = browser.accepting("application/json").get(path);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).startsWith(opening);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/supervisor/dashboard", "/supervisor/directory", "/supervisor/hours"})
    void whenAScriptAcceptsOnlyJsonThenAPageIsNotPassedOffAsJson(String path) {
        Browser browser = new Browser(server.getURL().toString(), Browser.PAGES);
        browser.signIn("noor", "html is all I take");

        HttpResponse<String> answer = browser.accepting("application/json").get(path);

        assertThat(answer.statusCode()).isEqualTo(406);
        assertThat(answer.body()).doesNotContain("Helpline supervisors");
    }

    /** Checks that the answer is the named page, as HTML, and returns it for what it says. */
    private static HtmlPage assertPage(HttpResponse<String> answer, String name) {
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/html"));
        HtmlPage page = HtmlPage.of(answer.body());
        assertThat(page.title()).startsWith(name + ": Helpline supervisors");
        return page;
    }
}
