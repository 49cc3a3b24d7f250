package org.helpline.supervisor;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.callback.CallbackRequest;
import org.helpline.callback.CallbackRequestRepository;
import org.helpline.support.Browser;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Supervisors sign in with a form; every supervisor page needs it; call-back requests are seen and closed there. */
@MicronautTest(transactional = false)
@Property(name = "helpline.supervisors.first-user", value = "maria")
@Property(name = "helpline.supervisors.first-password", value = "a long enough secret")
@Property(name = "helpline.supervisors.max-failed-logins", value = "3")
class SupervisorSignInTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CallbackRequestRepository callbacks;

    @Inject
    SupervisorAccountRepository accounts;

    private Browser browser;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(server.getURL().toString());
        callbacks.deleteAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/supervisor", "/supervisor/callbacks", "/supervisor/accounts", "/supervisor/api/callbacks",
        "/supervisor/anything-else", "/supervisor/dashboard", "/supervisor/directory", "/supervisor/hours",
        "/supervisor/api/figures", "/supervisor/api/figures.csv"})
    void whenSomeoneWhoHasNotSignedInAsksForASupervisorPageThenTheyAreSentToSignIn(String path) {
        HttpResponse<String> answer = browser.get(path);

        assertThat(answer.statusCode()).isIn(302, 303, 401);
        if (answer.statusCode() != 401) {
            assertThat(answer.headers().firstValue("Location")).hasValue("/supervisor/login");
        }
        assertThat(answer.body()).doesNotContain("+1");
    }

    /** Sign-ins are not checked on Twilio's webhooks (they carry its signature): no path may use that to slip by. */
    @ParameterizedTest
    @ValueSource(strings = {"/voice/../supervisor/api/figures", "/voice/%2E%2E/supervisor/api/figures",
        "/voice%2F..%2Fsupervisor/api/figures", "/sms/../supervisor/api/callbacks", "//supervisor/api/figures",
        "/voicemail/../supervisor/api/figures", "/voicemail", "/smsx"})
    void whenAPathLooksLikeAWebhookButIsNotOneThenItStillNeedsASignIn(String path) {
        HttpResponse<String> answer = browser.get(path);

        assertThat(answer.statusCode()).isIn(302, 303, 401, 403, 404);
        assertThat(answer.body()).doesNotContain("calls").doesNotContain("+1");
    }

    @Test
    void whenTheSignInFormComesWithoutItsTokenThenItIsRefused() {
        HttpResponse<String> answer = browser.post("/supervisor/login",
            Map.of("username", "maria", "password", "a long enough secret"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JWT="));
    }

    @Test
    void whenTheRightPasswordIsGivenThenTheSupervisorSeesTheCallBacksPage() {
        HttpResponse<String> signedIn = browser.signIn("maria", "a long enough secret");

        assertThat(signedIn.statusCode()).isIn(302, 303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/supervisor");
        assertThat(browser.get("/supervisor").headers().firstValue("Location")).hasValue("/supervisor/dashboard");
        assertThat(browser.get("/").headers().firstValue("Location")).hasValue("/supervisor");
        HttpResponse<String> page = browser.get("/supervisor/callbacks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains("Call backs waiting", "maria");
    }

    @Test
    void whenTheWrongPasswordIsGivenThenTheFormSaysSo() {
        HttpResponse<String> answer = browser.signIn("maria", "not the password at all");

        assertThat(answer.headers().firstValue("Location")).hasValue("/supervisor/login?error=true");
        assertThat(browser.get("/supervisor/login?error=true").body()).contains("did not match");
        assertThat(browser.get("/supervisor/callbacks").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void whenAPasswordIsGuessedTooOftenThenEvenTheRightOneIsRefusedForAWhile() {
        Browser guesser = new Browser(server.getURL().toString());
        accountsAdd("lena");
        for (int i = 0; i < 3; i++) {
            guesser.signIn("lena", "wrong guess number " + i);
        }

        HttpResponse<String> right = guesser.signIn("lena", "another long secret");

        assertThat(right.headers().firstValue("Location")).hasValue("/supervisor/login?error=true");
        assertThat(browser.signIn("maria", "a long enough secret").headers().firstValue("Location"))
            .hasValue("/supervisor");
    }

    @Test
    void whenACallerAsksForACallBackThenSupervisorsSeeItAndCanMarkItDone() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.step("/voice/callback/offer?lang=es&miss=0", Map.of());
        call.press("1");
        browser.signIn("maria", "a long enough secret");

        HttpResponse<String> page = browser.get("/supervisor/callbacks");
        assertThat(page.body()).contains(CallWalk.CALLER, "Spanish");
        assertThat(browser.get("/supervisor/api/callbacks").body()).contains(CallWalk.CALLER);
        CallbackRequest request = callbacks.findByCallSid(call.callSid()).get(0);

        HttpResponse<String> withoutToken = browser.post("/supervisor/callbacks/" + request.id(),
            Map.of("outcome", "done"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> done = browser.post("/supervisor/callbacks/" + request.id(),
            Map.of("outcome", "done", "_csrf", Browser.csrf(page)));

        assertThat(done.statusCode()).isIn(302, 303);
        assertThat(callbacks.findById(request.id())).hasValueSatisfying(closed -> {
            assertThat(closed.status()).isEqualTo("done");
            assertThat(closed.doneAt()).isNotNull();
        });
        assertThat(browser.get("/supervisor/callbacks").body()).doesNotContain(CallWalk.CALLER);
    }

    @Test
    void whenASupervisorAddsAnAccountThenBadInputGetsClearMessagesAndGoodInputASignIn() {
        browser.signIn("maria", "a long enough secret");
        String token = Browser.csrf(browser.get("/supervisor/accounts"));

        HttpResponse<String> bad = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "X!", "password", "short"));
        assertThat(bad.body()).contains("The user name must be 3 to 60 characters", "The password must be 12");

        HttpResponse<String> good = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "Jamal", "password", "twelve chars or more"));
        assertThat(good.body()).contains("Added jamal.");
        HttpResponse<String> accented = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "alice2", "password", "é".repeat(40)));
        assertThat(accented.statusCode()).isEqualTo(200);
        assertThat(accented.body()).contains("fewer if it has accents");
        assertThat(accounts.findByUsername("jamal")).hasValueSatisfying(account ->
            assertThat(account.passwordHash()).startsWith("$2").doesNotContain("twelve"));
        assertThat(new Browser(server.getURL().toString()).signIn("jamal", "twelve chars or more")
            .headers().firstValue("Location")).hasValue("/supervisor");
    }

    @Test
    void whenAFormIsShownAgainWithItsProblemsThenItKeepsItsTokenAndTheCorrectedFormIsAccepted() {
        browser.signIn("maria", "a long enough secret");
        String token = Browser.csrf(browser.get("/supervisor/accounts"));

        HttpResponse<String> bad = browser.post("/supervisor/accounts",
            Map.of("_csrf", token, "username", "X!", "password", "short"));
        HttpResponse<String> corrected = browser.post("/supervisor/accounts",
            Map.of("_csrf", Browser.csrf(bad), "username", "corrected", "password", "twelve chars or more"));

        assertThat(Browser.csrf(bad)).isEqualTo(token);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.body()).contains("Added corrected.");
    }

    @Test
    void whenASupervisorSignsOutThenTheirPagesAreClosedAgain() {
        browser.signIn("maria", "a long enough secret");
        String token = Browser.csrf(browser.get("/supervisor/callbacks"));

        browser.post("/supervisor/logout", Map.of("_csrf", token));

        assertThat(browser.get("/supervisor/callbacks").statusCode()).isIn(302, 303, 401);
    }

    private void accountsAdd(String name) {
        if (accounts.findByUsername(name).isEmpty()) {
            browser.signIn("maria", "a long enough secret");
            String token = Browser.csrf(browser.get("/supervisor/accounts"));
            browser.post("/supervisor/accounts", Map.of("_csrf", token, "username", name,
                "password", "another long secret"));
            browser = new Browser(server.getURL().toString());
        }
    }
}
