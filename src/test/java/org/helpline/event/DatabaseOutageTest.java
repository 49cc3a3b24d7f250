package org.helpline.event;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.helpline.support.CallWalk;
import org.helpline.support.CuttableDatabase;
import org.helpline.support.DatabaseLink;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away for over 30 seconds while calls go on. Callers hear exactly what they heard before, the
 * events wait (in memory, then in the spill file) and reach the database when it is back: every step of every
 * call once, none lost, none doubled, also across a restart of the service in mid-outage. Runs on H2 (its TCP
 * server) in the first test run and on the suite's PostgreSQL in the second; either way the database is cut off
 * by dropping the network between the two ({@link DatabaseLink}).
 */
class DatabaseOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(31);
    private static final int SPILL_AFTER = 20;
    private static final int BUFFER = 100;
    private static final int BATCH = 500;

    @TempDir
    Path folder;

    private CuttableDatabase link;
    private final List<ApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ApplicationContext::close);
        if (link != null) {
            link.close();
        }
    }

    @Test
    void whenTheDatabaseIsAwayForThirtySecondsThenCallersHearTheSameAndNoEventIsLostOrDoubled() throws Exception {
        Map<String, Object> settings = database();
        EmbeddedServer first = start(settings);
        FakeTwilio twilio = twilio(first);
        CallEvents events = first.getApplicationContext().getBean(CallEvents.class);
        CallEventRepository stored = first.getApplicationContext().getBean(CallEventRepository.class);

        // Before: one walk with the database up gives what a caller hears and the events a walk leaves.
        Walk before = walk(twilio);
        // Twelve requests, thirteen steps: the key that joins the queue is a choice and an entry to the queue.
        List<String> steps = await().atMost(Duration.ofSeconds(10))
            .until(() -> steps(stored, before.sid()), list -> list.size() == 13);
        assertThat(health(first)).isEqualTo(200);

        link.cut();
        List<Walk> during = new ArrayList<>();
        int mostHeld = 0;
        boolean reportedDown = false;
        long started = System.nanoTime();
        while (System.nanoTime() - started < OUTAGE.toNanos()) {
            Walk walk = walk(twilio);
            during.add(walk);
            assertThat(walk.heard()).isEqualTo(before.heard());
            mostHeld = Math.max(mostHeld, events.pending());
            if (!reportedDown && during.size() % 10 == 0) {
                reportedDown = health(first) == 503;
            }
        }
        long slowest = during.stream().mapToLong(Walk::slowestMillis).max().orElseThrow();
        System.out.printf("Outage: %d calls walked in %d s, slowest answer %d ms, at most %d events in memory%n",
            during.size(), OUTAGE.toSeconds(), slowest, mostHeld);
        assertThat(during).hasSizeGreaterThan(10);
        assertThat(reportedDown).as("/health says DOWN while the database is away").isTrue();
        assertThat(status(first, "/health/liveness")).as("the instance itself is alive").isEqualTo(200);
        assertThat(events.spilled()).as("events moved to the spill file").isTrue();
        // The bound: a full buffer, plus the one batch the writer is trying; more goes straight to the file.
        assertThat(mostHeld).as("events held in memory stay bounded").isLessThanOrEqualTo(BUFFER + BATCH);
        // Not a speed test: a webhook that waited on the database would take the pool's connection timeout (1 s).
        assertThat(slowest).isLessThan(1000);

        link.restore();
        await().atMost(Duration.ofSeconds(30)).until(() -> events.pending() == 0 && !events.spilled());
        for (Walk walk : during) {
            assertThat(steps(stored, walk.sid())).as("events of call %s", walk.sid()).isEqualTo(steps);
        }
        assertThat(health(first)).isEqualTo(200);

        // A restart in mid-outage: what was held goes to the file at shutdown and is written by the next run.
        link.cut();
        List<Walk> beforeRestart = List.of(walk(twilio), walk(twilio), walk(twilio));
        first.getApplicationContext().close();
        running.remove(first.getApplicationContext());
        link.restore();
        EmbeddedServer second = start(settings);
        CallEvents next = second.getApplicationContext().getBean(CallEvents.class);
        CallEventRepository storedNext = second.getApplicationContext().getBean(CallEventRepository.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> next.pending() == 0 && !next.spilled());
        for (Walk walk : beforeRestart) {
            assertThat(steps(storedNext, walk.sid())).as("events of call %s", walk.sid()).isEqualTo(steps);
        }

        // Gone again before any caller of the new run asked for the resources or a specialist: read at start-up.
        link.cut();
        assertThat(walk(twilio(second)).heard()).isEqualTo(before.heard());
    }

    /** A call as a caller hears it, and how long its slowest answer took. */
    private record Walk(String sid, List<String> heard, long slowestMillis) {
    }

    /** Greeting, stage guidance, overdose, resources, the queue with two waits and its end, the call's end. */
    private static Walk walk(FakeTwilio twilio) {
        CallWalk call = new CallWalk(twilio);
        List<String> heard = new ArrayList<>();
        long slowest = 0;
        List<Runnable> steps = List.of(
            call::start, () -> call.press("1"), () -> call.press("4"), () -> call.press("*"), () -> call.press("3"),
            () -> call.press("*"), () -> call.press("4"), () -> call.press("0"),
            () -> call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "QueueTime", "5")),
            () -> call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "QueueTime", "35")),
            () -> call.step("/voice/queue/result?lang=en", Map.of("QueueResult", "hangup", "QueueTime", "40")),
            () -> call.step("/voice/status", Map.of("CallStatus", "completed", "CallDuration", "95")));
        for (Runnable step : steps) {
            long start = System.nanoTime();
            step.run();
            slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            heard.add(heard(call.current()));
        }
        return new Walk(call.callSid(), heard, slowest);
    }

    /** What the caller hears and where the call goes next, from the parsed TwiML. */
    private static String heard(TwimlDoc twiml) {
        return twiml.verbs() + " " + twiml.said() + " gather=" + twiml.gatherAction() + " redirect="
            + twiml.redirect() + " enqueue=" + (twiml.has("/Response/Enqueue") ? twiml.text("/Response/Enqueue") : "");
    }

    private static List<String> steps(CallEventRepository stored, String sid) {
        return stored.findByCallSidOrderByOccurredAt(sid).stream()
            .map(e -> e.node() + "/" + e.choice() + "/" + e.nextNode() + "/" + e.detail() + "/" + e.seconds())
            .toList();
    }

    private static int health(EmbeddedServer server) {
        return status(server, "/health");
    }

    private static int status(EmbeddedServer server, String path) {
        try (HttpClient http = HttpClient.create(server.getURL())) {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    private EmbeddedServer start(Map<String, Object> settings) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        running.add(server.getApplicationContext());
        return server;
    }

    private static FakeTwilio twilio(EmbeddedServer server) {
        return new FakeTwilio(HttpClient.create(server.getURL()).toBlocking());
    }

    /** The run's database, reached through a link the test can cut. */
    private Map<String, Object> database() {
        link = new CuttableDatabase("outage");
        Map<String, Object> settings = link.settings();
        settings.put("helpline.events.flush-interval", "200ms");
        settings.put("helpline.events.spill-after", String.valueOf(SPILL_AFTER));
        settings.put("helpline.events.buffer-capacity", String.valueOf(BUFFER));
        settings.put("helpline.events.spill-file", folder.resolve("events.spill").toString());
        return settings;
    }
}
