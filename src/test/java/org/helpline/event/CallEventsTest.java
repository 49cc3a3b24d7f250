package org.helpline.event;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.awaitility.Awaitility.await;

/** Every webhook of a call leaves an event behind, written off the request path, and never a phone number. */
@MicronautTest
class CallEventsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    CallEventRepository repository;

    @Inject
    DataSource dataSource;

    @Inject
    CallEvents events;

    @Test
    void whenACallIsWalkedThenEachStepIsRecordedInOrder() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("1");
        call.press("4");
        call.silence();
        call.press("7");
        call.press("0");
        call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "QueueTime", "5"));
        call.step("/voice/queue/result?lang=en", Map.of("QueueResult", "bridged", "QueueTime", "31"));
        call.step("/voice/status", Map.of("CallStatus", "completed", "CallDuration", "412"));

        List<CallEvent> events = await().atMost(Duration.ofSeconds(5))
            .until(() -> repository.findByCallSidOrderByOccurredAt(call.callSid()), list -> list.size() == 10);

        assertThat(events).extracting(CallEvent::node, CallEvent::choice, CallEvent::nextNode, CallEvent::detail)
            .containsExactly(
                tuple("incoming", null, "main", "call-start"),
                tuple("main", "1", "stages", "chosen"),
                tuple("stages", "4", "stage-relapse", "chosen"),
                tuple("stage-relapse", null, "stage-relapse", "silence"),
                tuple("stage-relapse", "7", "stage-relapse", "invalid"),
                tuple("stage-relapse", "0", "queue", "chosen"),
                tuple("queue", null, "queue", "enqueued"),
                tuple("queue", null, "queue", "waiting"),
                tuple("queue", null, null, "bridged"),
                tuple("status", null, null, "completed"));
        assertThat(events.get(8).seconds()).isEqualTo(31);
        assertThat(events.get(9).seconds()).isEqualTo(412);
        assertThat(events).allSatisfy(event -> assertThat(event.language()).isEqualTo("en"));
    }

    @Test
    void whenACallerWaitsThroughManyPollsThenTheSummaryCountsEveryStepOnceTheQueueAnswers() throws SQLException {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("0");
        for (int poll = 1; poll <= 3; poll++) {
            call.step("/voice/queue/wait?lang=en", Map.of("QueuePosition", "1", "QueueTime", 10 * poll + ""));
        }
        call.step("/voice/queue/result?lang=en", Map.of("QueueResult", "bridged", "QueueTime", "37"));

        await().atMost(Duration.ofSeconds(15)).until(() -> summarySteps(call.callSid()) == 7);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT queued, answered, answer_seconds, "
                 + "longest_wait, last_node FROM call_summary WHERE call_sid = ?")) {
            select.setString(1, call.callSid());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(List.of(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)))
                    .containsExactly(1, 1, 37, 37);
                assertThat(row.getString(5)).isNull();
            }
        }
    }

    @Test
    void whenAStepCarriesNoCallSidThenItIsAnsweredButNotRecorded() {
        FakeTwilio twilio = new FakeTwilio(http.toBlocking());
        long unnamedBefore = events.unnamedSteps();
        TwimlDoc missing = twilio.post("/voice/menu/main/key?lang=en&miss=0", Map.of("Digits", "1")).twiml();
        TwimlDoc forged = twilio.post("/voice/menu/main/key?lang=en&miss=0",
            Map.of("CallSid", "CA\n+13125550142", "Digits", "2")).twiml();
        // A call after them: once its step is written, so is anything recorded before it (one writer, in order).
        CallWalk call = new CallWalk(twilio);
        call.start();
        await().atMost(Duration.ofSeconds(5))
            .until(() -> repository.findByCallSidOrderByOccurredAt(call.callSid()).size() == 1);

        assertThat(missing.saidInGather()).containsExactly(en("stage-menu"));
        assertThat(forged.saidInGather()).containsExactly(en("question-stage"));
        assertThat(events.unnamedSteps() - unnamedBefore).isEqualTo(2);
        assertThat(repository.findByCallSidOrderByOccurredAt("unknown")).isEmpty();
    }

    @Test
    void whenDigitsThatAreNotAMenuKeyArePressedThenTheyAreNotStored() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("3125550142");

        List<CallEvent> events = await().atMost(Duration.ofSeconds(5))
            .until(() -> repository.findByCallSidOrderByOccurredAt(call.callSid()), list -> list.size() == 2);

        assertThat(events.get(1).detail()).isEqualTo("invalid");
        assertThat(events.get(1).choice()).isNull();
    }

    @Test
    void whenCallsAreRecordedThenNoCallerNumberIsInAnyEventRow() throws SQLException {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        call.press("4");
        call.press("2");
        await().atMost(Duration.ofSeconds(5))
            .until(() -> repository.findByCallSidOrderByOccurredAt(call.callSid()).size() == 3);

        List<String> cells = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM call_event")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    cells.add(String.valueOf(rows.getObject(i)));
                }
            }
        }

        assertThat(cells).isNotEmpty().noneMatch(cell -> cell.contains("3125550142"))
            .noneMatch(cell -> cell.contains("8332346343"));
    }

    /** The steps the call's summary was made from, or -1 before it has one (asked from the await's thread). */
    private int summarySteps(String callSid) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT events FROM call_summary WHERE call_sid = ?")) {
            select.setString(1, callSid);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : -1;
            }
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
