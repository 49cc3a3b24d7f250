package org.helpline.event;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.FakeTwilio;
import org.helpline.support.IncomingText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Walks many calls with known caller numbers, and has the same numbers text the helpline (STOP, HELP, their own
 * number, START, STOP again), with every logger at TRACE (bar those pinned in logback.xml), then reads every log
 * line the service wrote and every cell of every table: a caller's number may appear only in
 * {@code callback_request}, where a caller asked for it. (The test's own HTTP client, which logs what it sends, is
 * not the service and is left out.)
 */
@MicronautTest(transactional = false)
class PrivacyScanTest {

    private static final String[] CALLERS = {"+13125550161", "+17735550162", "+16305550163", "+18475550164"};
    private static final List<String> ALLOWED_TABLES = List.of("callback_request");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Inject
    CallEvents events;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEveryLogLine() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("org.helpline")).setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("org.helpline")).setLevel(null);
    }

    @Test
    void whenManyCallsAreWalkedThenNoCallerNumberIsInAnyLogLineOrTableButTheCallBacks() throws SQLException {
        FakeTwilio twilio = new FakeTwilio(http.toBlocking());
        for (int i = 0; i < CALLERS.length; i++) {
            walk(twilio, "CAprivacy" + i, CALLERS[i]);
        }
        // A forged CallSid that would write a log line of its own, with a number in it.
        walk(twilio, "CA\nINFO forged line caller " + CALLERS[0], CALLERS[0]);
        for (String caller : CALLERS) {
            text(twilio, IncomingText.messageSid(), caller);
        }
        text(twilio, "SM\nINFO forged line texter " + CALLERS[0], CALLERS[0]);
        await().atMost(Duration.ofSeconds(5)).until(events::settled);
        // Every number's last word was STOP: an opt-out each, kept as the number's keyed hash.
        List<String> hashes = Stream.of(CALLERS).map(caller -> IncomingText.hash(FakeTwilio.AUTH_TOKEN, caller))
            .toList();
        await().atMost(Duration.ofSeconds(5)).until(() -> everyCell().get("sms_opt_out").containsAll(hashes));
        root.setLevel(rootLevel);

        List<String> lines = logs.list.stream()
            .filter(e -> !e.getLoggerName().startsWith("io.micronaut.http.client"))
            .map(e -> e.getLoggerName() + " " + e.getFormattedMessage() + " " + e.getThrowableProxy())
            .toList();
        assertThat(lines).hasSizeGreaterThan(20);
        Map<String, List<String>> cells = everyCell();
        assertThat(cells).containsKeys("call_event", "call_summary", "callback_request", "resource", "supervisor",
            "sms_opt_out");
        assertThat(cells.get("call_event")).isNotEmpty();
        for (String caller : CALLERS) {
            String digits = caller.substring(2);
            assertThat(lines).noneMatch(line -> line.contains(digits));
            cells.forEach((table, values) -> {
                if (!ALLOWED_TABLES.contains(table)) {
                    assertThat(values).as(table).noneMatch(value -> value.contains(digits));
                }
            });
        }
        assertThat(cells.get("callback_request")).anyMatch(value -> value.contains(CALLERS[3].substring(2)));
    }

    @Test
    void whenARefusedRequestHasANumberInItsPathThenNoLineWeLogOrAboveDebugShowsIt() {
        FakeTwilio twilio = new FakeTwilio(http.toBlocking());
        String caller = CALLERS[1];

        int unsigned = twilio.send("/voice/" + caller, FakeTwilio.form(Map.of("CallSid", "CA1")), null).status();
        int notAForm = twilio.send("/voice/menu/" + caller + "/key", "%%" + caller, "forged").status();

        // Micronaut's own TRACE lines name every request's path; production logs at INFO (logback.xml).
        List<String> lines = logs.list.stream()
            .filter(e -> e.getLoggerName().startsWith("org.helpline") || e.getLevel().isGreaterOrEqual(Level.INFO))
            .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(List.of(unsigned, notAForm)).containsExactly(403, 400);
        assertThat(lines).filteredOn(line -> line.startsWith("Refused POST /voice/")).hasSize(2);
        assertThat(lines).noneMatch(line -> line.contains(caller.substring(2)));
    }

    private static void walk(FakeTwilio twilio, String sid, String caller) {
        Map<String, String> base = Map.of("CallSid", sid, "From", caller, "Caller", caller, "To", "+18332346343");
        twilio.post("/voice/incoming", base);
        post(twilio, "/voice/menu/main/key?lang=en&miss=0", base, "Digits", "4");
        post(twilio, "/voice/menu/resources/key?lang=en&miss=0", base, "Digits", "2");
        post(twilio, "/voice/menu/main/key?lang=en&miss=0", base, "Digits", caller.substring(2));
        post(twilio, "/voice/menu/main/key?lang=en&miss=0", base, "SpeechResult", "call me at " + caller);
        post(twilio, "/voice/menu/main/key?lang=en&miss=0", base, "Digits", "0");
        post(twilio, "/voice/queue/wait?lang=en", base, "QueuePosition", "1");
        post(twilio, "/voice/queue/wait/key?lang=en", base, "Digits", "1");
        post(twilio, "/voice/queue/result?lang=en", base, "QueueResult", "leave");
        post(twilio, "/voice/callback/offer?lang=en&miss=0", base, "Digits", "");
        post(twilio, "/voice/callback/confirm?lang=en&miss=0", base, "Digits", "1");
        post(twilio, "/voice/status", base, "CallStatus", "completed");
    }

    /** Texts as a worried relative might send them; each must be answered with TwiML. */
    private static void text(FakeTwilio twilio, String messageSid, String sender) {
        for (String body : List.of("STOP", "HELP", "please call me back at " + sender, "START", "ayuda", "STOP")) {
            Map<String, String> params = IncomingText.from(sender, body);
            params.put("MessageSid", messageSid);
            assertThat(twilio.post(IncomingText.PATH, params).twiml().xml()).doesNotContain(sender.substring(2));
        }
    }

    private static void post(FakeTwilio twilio, String url, Map<String, String> base, String name, String value) {
        Map<String, String> params = new HashMap<>(base);
        params.put(name, value);
        assertThat(twilio.post(url, params).status()).isEqualTo(200);
    }

    private Map<String, List<String>> everyCell() throws SQLException {
        Map<String, List<String>> cells = new HashMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                while (found.next()) {
                    tables.add(found.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                List<String> values = new ArrayList<>();
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            values.add(String.valueOf(rows.getObject(i)));
                        }
                    }
                }
                cells.put(table.toLowerCase(), values);
            }
        }
        return cells;
    }
}
