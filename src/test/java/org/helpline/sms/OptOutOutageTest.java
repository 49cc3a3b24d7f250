package org.helpline.sms;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.helpline.support.CallWalk;
import org.helpline.support.CuttableDatabase;
import org.helpline.support.FakeTwilio;
import org.helpline.support.IncomingText;
import org.helpline.support.OptOutRows;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.helpline.support.Scripts.en;

/**
 * STOP and START while the database is away: the sender gets the usual answer at once, the change counts on this
 * instance straight away, is written when the database is back, and is logged without the number. While the
 * database cannot say whether a caller opted out, no resource list is texted. A change still unwritten when the
 * service stops is lost, and the log says how many.
 */
class OptOutOutageTest {

    private static final String ACCOUNT = "AC33333333333333333333333333333333";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String OPTED_OUT_BEFORE = "+17735550181";
    private static final String STOPS_DURING = "+17735550182";
    private static final String NEVER_TEXTED = "+17735550183";
    private static final String STOPS_BEFORE_SHUTDOWN = "+17735550184";

    private final WireMockServer twilioApi = new WireMockServer(options().dynamicPort());
    private final List<ApplicationContext> running = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private CuttableDatabase database;

    @BeforeEach
    void start() {
        twilioApi.start();
        twilioApi.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SM1\", \"status\": \"queued\"}")));
        database = new CuttableDatabase("opt-outs");
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        running.forEach(ApplicationContext::close);
        database.close();
        twilioApi.stop();
    }

    @Test
    void whenTheDatabaseIsAwayThenStopAndStartAnswerAtOnceAndAreWrittenWhenItIsBack() {
        EmbeddedServer server = startService();
        FakeTwilio twilio = twilio(server);
        DataSource dataSource = server.getApplicationContext().getBean(DataSource.class);
        String optedOutBefore = hash(OPTED_OUT_BEFORE);
        text(twilio, OPTED_OUT_BEFORE, "STOP");
        await().atMost(Duration.ofSeconds(5)).until(() -> OptOutRows.read(dataSource).containsKey(optedOutBefore));

        database.cut();
        long started = System.nanoTime();
        TwimlDoc stopped = text(twilio, STOPS_DURING, "STOP");
        TwimlDoc restarted = text(twilio, OPTED_OUT_BEFORE, "START");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(stopped.verbs()).isEmpty();
        assertThat(restarted.text("/Response/Message")).isEqualTo(en("text-start"));
        // Not a speed test: an answer that waited on the database would take the pool's timeout (1 s) each.
        assertThat(millis).isLessThan(1000);
        // Both changes count here already, unwritten as they are.
        assertThat(askForTheList(twilio, STOPS_DURING)).startsWith(en("sms-unavailable"));
        assertThat(askForTheList(twilio, OPTED_OUT_BEFORE)).startsWith(en("sms-sent"));
        // Nobody can say whether this caller opted out elsewhere: held back, the caller is told and may ask again.
        assertThat(askForTheList(twilio, NEVER_TEXTED)).startsWith(en("sms-unavailable"));
        await().atMost(Duration.ofSeconds(5)).until(() -> textsTo(OPTED_OUT_BEFORE) == 1);
        assertThat(textsTo(STOPS_DURING) + textsTo(NEVER_TEXTED)).isZero();
        assertThat(lines(Level.WARN)).anyMatch(line -> line.contains("Cannot write texting opt-outs"));

        database.restore();
        // The pool may first hand out a connection the cut broke: reading through it fails until it is replaced.
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions().untilAsserted(() ->
            assertThat(OptOutRows.read(dataSource)).containsKey(hash(STOPS_DURING)).doesNotContainKey(optedOutBefore));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines(Level.INFO).stream()
            .anyMatch(line -> line.contains("opt-outs can be read and written again")));
        assertThat(askForTheList(twilio, NEVER_TEXTED)).startsWith(en("sms-sent"));
        assertNoNumberLogged();
    }

    @Test
    void whenTheServiceStopsBeforeTheDatabaseIsBackThenTheUnwrittenStopIsLostAndTheLogSaysSo() {
        EmbeddedServer server = startService();
        database.cut();
        assertThat(text(twilio(server), STOPS_BEFORE_SHUTDOWN, "STOP").verbs()).isEmpty();

        server.getApplicationContext().close();
        running.remove(server.getApplicationContext());

        assertThat(lines(Level.WARN))
            .anyMatch(line -> line.contains("Stopping with 1 texting opt-out changes (STOP or START) never written"));
        database.restore();
        EmbeddedServer next = startService();
        DataSource dataSource = next.getApplicationContext().getBean(DataSource.class);
        assertThat(OptOutRows.read(dataSource)).doesNotContainKey(hash(STOPS_BEFORE_SHUTDOWN));
        assertNoNumberLogged();
    }

    private EmbeddedServer startService() {
        Map<String, Object> settings = database.settings();
        settings.put("helpline.twilio.account-sid", ACCOUNT);
        settings.put("helpline.twilio.api-base-url", twilioApi.baseUrl());
        settings.put("helpline.queue.stats-interval", "1h");
        settings.put("helpline.sms.opt-out-retry", "200ms");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        running.add(server.getApplicationContext());
        return server;
    }

    private static FakeTwilio twilio(EmbeddedServer server) {
        return new FakeTwilio(HttpClient.create(server.getURL()).toBlocking());
    }

    private static TwimlDoc text(FakeTwilio twilio, String from, String body) {
        return twilio.post(IncomingText.PATH, IncomingText.from(from, body)).twiml();
    }

    /** What a caller hears after asking for the resources (4), then for them by text (2). */
    private static List<String> askForTheList(FakeTwilio twilio, String caller) {
        CallWalk call = new CallWalk(twilio, caller);
        call.start();
        call.press("4");
        return call.press("2").saidInGather();
    }

    private int textsTo(String number) {
        return twilioApi.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))
            .withRequestBody(containing("To=" + number.replace("+", "%2B")))).size();
    }

    private static String hash(String number) {
        return IncomingText.hash(FakeTwilio.AUTH_TOKEN, number);
    }

    private List<String> lines(Level atLeast) {
        return List.copyOf(logs.list).stream().filter(event -> event.getLevel().isGreaterOrEqual(atLeast))
            .map(event -> event.getLoggerName() + " " + event.getFormattedMessage()).toList();
    }

    private void assertNoNumberLogged() {
        List<String> service = List.copyOf(logs.list).stream()
            .filter(event -> !event.getLoggerName().startsWith("io.micronaut.http.client"))
            .map(ILoggingEvent::getFormattedMessage).toList();
        for (String number : List.of(OPTED_OUT_BEFORE, STOPS_DURING, NEVER_TEXTED, STOPS_BEFORE_SHUTDOWN)) {
            assertThat(service).noneMatch(line -> line.contains(number.substring(2)));
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
