package org.helpline.supervisor;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.directory.ResourceRepository;
import org.helpline.support.Browser;
import org.helpline.support.FakeTwilio;
import org.helpline.support.HtmlPage;
import org.helpline.support.Scripts;
import org.helpline.support.TwilioSigner;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When something goes wrong under /supervisor, a supervisor's browser shows a page in the look of the others that
 * says what happened in plain words, with the status kept and a way back. The JSON API and Twilio's webhooks keep
 * the answers they had.
 */
@MicronautTest(transactional = false)
@Property(name = "helpline.supervisors.first-user", value = "rosa")
@Property(name = "helpline.supervisors.first-password", value = "errors deserve pages")
@Property(name = "helpline.test.failing-pages", value = "true")
class ErrorPagesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    ResourceRepository resources;

    private Browser browser;

    @BeforeEach
    void signIn() {
        browser = new Browser(server.getURL().toString(), Browser.PAGES);
        browser.signIn("rosa", "errors deserve pages");
    }

    @Test
    void whenASignedInSupervisorOpensAnAddressThatDoesNotExistThenThePageSaysSoWithA404() {
        HttpResponse<String> answer = browser.get("/supervisor/no-such-page");

        HtmlPage page = errorPage(answer, 404);
        assertThat(page.text("error-title")).isEqualTo("That page does not exist");
        assertThat(page.text("error-sentence")).contains("mistyped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a-token-from-another-browser"})
    void whenAFormComesWithoutItsTokenOrWithAnotherThenItHasExpiredAndNothingChanges(String token) {
        long before = resources.count();

        HttpResponse<String> answer = browser.post("/supervisor/directory/add",
            Map.of("_csrf", token, "name", "Never added", "category", "treatment"));

        HtmlPage page = errorPage(answer, 403);
        assertThat(page.text("error-title")).isEqualTo("Your form expired");
        assertThat(page.text("error-sentence")).contains("go back", "submit the form again", "Nothing was changed");
        assertThat(resources.count()).isEqualTo(before);
    }

    @Test
    void whenTheSignInFormComesWithoutItsTokenThenItHasExpiredToo() {
        Browser stranger = new Browser(server.getURL().toString(), Browser.PAGES);

        HttpResponse<String> answer = stranger.post("/supervisor/login",
            Map.of("username", "rosa", "password", "errors deserve pages"));

        assertThat(errorPage(answer, 403).text("error-title")).isEqualTo("Your form expired");
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JWT="));
    }

    @Test
    void whenAPageThatOnlyShowsIsSentAFormThenThePageSaysItCannotBeUsedThatWayWithA405() {
        String token = Browser.csrf(browser.get("/supervisor/dashboard"));

        HttpResponse<String> answer = browser.post("/supervisor/dashboard", Map.of("_csrf", token));

        HtmlPage page = errorPage(answer, 405);
        assertThat(page.text("error-title")).isEqualTo("That page cannot be used this way");
        assertThat(answer.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void whenAChangeNamesAResourceThatIsGoneThenThePageSaysWhatWasWrongWithA400() {
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        HttpResponse<String> answer = browser.post("/supervisor/directory/987654",
            Map.of("_csrf", token, "action", "retire"));

        HtmlPage page = errorPage(answer, 400);
        assertThat(page.text("error-title")).isEqualTo("That change could not be made");
        assertThat(page.text("error-sentence")).isEqualTo("That resource is no longer in the directory.");
    }

    @Test
    void whenAnAddressCannotBeReadThenThe400PageRepeatsNothingThatWasSent() {
        HttpResponse<String> answer = browser.get("/supervisor/failing/count/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        HtmlPage page = errorPage(answer, 400);
        assertThat(page.text("error-title")).isEqualTo("That request could not be read");
        assertThat(answer.body()).doesNotContain("<script", "alert(1)");
        assertThat(page.text()).doesNotContain("script", "convert");
    }

    @Test
    void whenAMistypedAddressCarriesMarkupThenThe404PageDoesNotRepeatIt() {
        HttpResponse<String> answer = browser.get("/supervisor/%3Cb%3Eloud%3C%2Fb%3E");

        HtmlPage page = errorPage(answer, 404);
        assertThat(answer.body()).doesNotContain("<b>", "loud");
        assertThat(page.text()).doesNotContain("loud");
    }

    @Test
    void whenSomethingBreaksOnTheServerThenThe500PageSaysSoWithoutTheDetails() {
        HttpResponse<String> answer = browser.get("/supervisor/failing/broken");

        HtmlPage page = errorPage(answer, 500);
        assertThat(page.text("error-title")).isEqualTo("Something went wrong on our side");
        assertThat(answer.body()).doesNotContain(FailingPages.DETAIL, "IllegalStateException", "at org.");
    }

    @Test
    void whenAFormHasProblemsThenTheyAreStillShownOnTheFormItself() {
        String token = Browser.csrf(browser.get("/supervisor/accounts"));

        HttpResponse<String> answer = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "X!", "password", "short"));

        assertThat(answer.statusCode()).isEqualTo(200);
        HtmlPage page = HtmlPage.of(answer.body());
        assertThat(page.text("problems")).contains("The user name must be 3 to 60 characters");
        assertThat(page.text()).doesNotContain("That change could not be made");
    }

    @Test
    void whenSomeoneNotSignedInAsksForAnAddressThatDoesNotExistThenTheyAreSentToSignIn() {
        Browser stranger = new Browser(server.getURL().toString(), Browser.PAGES);

        HttpResponse<String> answer = stranger.get("/supervisor/no-such-page");

        assertThat(answer.statusCode()).isIn(302, 303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/supervisor/login");
    }

    @Test
    void whenTheApiAnswersAnErrorThenItIsStillJson() {
        Browser script = browser.accepting("application/json");

        HttpResponse<String> missing = script.get("/supervisor/api/no-such-figures");
        HttpResponse<String> broken = script.get("/supervisor/api/failing/broken");
        HttpResponse<String> badRange = browser.get("/supervisor/api/figures?from=soon");

        assertJson(missing, 404, "\"message\":\"Not Found\"");
        assertJson(broken, 500, "\"message\":\"Internal Server Error\"");
        assertJson(badRange, 400, "\"message\":\"Dates must be written as YYYY-MM-DD");
    }

    @Test
    void whenAWebhookGoesWrongThenTwilioGetsTwimlOrMicronautsAnswersNeverASupervisorsPage() throws Exception {
        HttpResponse<String> unknownStep = signedPost("/voice/no-such-step", "CallSid=CA1", null);
        HttpResponse<String> unknownAsPage = signedPost("/voice/no-such-step", "CallSid=CA1", Browser.PAGES);
        HttpResponse<String> brokenBody = signedPost("/voice/incoming", "CallSid=%E0%A4%A&Digits=%", Browser.PAGES);
        HttpResponse<String> unsigned = send("/sms/incoming", "Body=HELP", Browser.PAGES, null);

        // A step the service does not have is a caller's lost place: sorry, then the main menu (see LostStep).
        assertThat(unknownStep.statusCode()).isEqualTo(200);
        assertThat(new TwimlDoc(unknownStep.body()).said()).containsExactly(Scripts.en("lost-step"));
        assertThat(unknownAsPage.body()).doesNotContain("Helpline supervisors", "dashboard");
        assertThat(brokenBody.statusCode()).isEqualTo(400);
        assertThat(brokenBody.body()).isEmpty();
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).isEmpty();
    }

    /** Checks what every supervisors' error page has, and returns it for the words of the case at hand. */
    private static HtmlPage errorPage(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("text/html"));
        HtmlPage page = HtmlPage.of(answer.body());
        assertThat(page.stylesheets()).containsExactly("/static/supervisor.css");
        assertThat(page.links()).contains("/supervisor/callbacks", "/supervisor/directory", "/supervisor/hours");
        assertThat(page.title()).isEqualTo(page.text("error-title") + ": Helpline supervisors");
        assertThat(page.text("back")).isEqualTo("Back to the dashboard");
        assertThat(page.href("back")).isEqualTo("/supervisor/dashboard");
        assertThat(page.text("error-status")).isEqualTo("Error " + status);
        return page;
    }

    private static void assertJson(HttpResponse<String> answer, int status, String part) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).startsWith("{").contains(part);
    }

    private HttpResponse<String> signedPost(String path, String form, String accept) throws Exception {
        Map<String, String> params = form.startsWith("CallSid=CA") ? Map.of("CallSid", "CA1") : Map.of();
        return send(path, form, accept, TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + path,
            params));
    }

    private HttpResponse<String> send(String path, String form, String accept, String signature)
        throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
