package org.helpline.event;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.helpline.support.H2OverTcp;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that stopped with a call's steps saved but not summarised (the database went away before its last
 * refresh) leaves the call out of the figures; the next instance to start catches it up.
 */
class CatchUpTest {

    @Test
    void whenAnInstanceLeftACallUnsummarisedThenTheNextOneCountsIt() throws SQLException {
        boolean postgres = "postgres".equals(System.getProperty("helpline.test.database"));
        try (H2OverTcp h2 = postgres ? null : H2OverTcp.start()) {
            Map<String, Object> settings = new HashMap<>();
            if (h2 != null) {
                settings.put("datasources.default.url", h2.url("catch-up-" + UUID.randomUUID()));
            }
            String sid = "CAleft" + UUID.randomUUID().toString().substring(0, 8);
            String answered = "CAlate" + UUID.randomUUID().toString().substring(0, 8);
            Instant start = Instant.now().minusSeconds(300);
            settings.put("helpline.events.catch-up-after", "1h");
            try (ApplicationContext stopped = ApplicationContext.run(settings, "test")) {
                // Saved as the writer saves a batch, with no refresh after it: as if the database went away then.
                stopped.getBean(CallEventRepository.class).saveAll(List.of(
                    step(sid, "incoming", null, "main", "call-start", start),
                    step(sid, "main", "2", "question-stage", "chosen", start.plusSeconds(20))));
                // This one was summarised while it waited in the queue; its answer came in the last batch.
                stopped.getBean(CallEventRepository.class).saveAll(List.of(
                    step(answered, "incoming", null, "main", "call-start", start),
                    step(answered, "queue", null, "queue", "enqueued", start.plusSeconds(10))));
                stopped.getBean(CallSummaries.class).refresh(List.of(answered));
                stopped.getBean(CallEventRepository.class).saveAll(List.of(
                    new CallEvent(UUID.randomUUID(), answered, "queue", null, null, "en", "bridged", 40,
                        start.plusSeconds(50))));

                assertThat(stopped.getBean(CallSummaries.class).leftBehind(start.minusSeconds(1), Instant.now()))
                    .contains(sid, answered);
            }

            settings.put("helpline.events.catch-up-after", "1s");
            try (ApplicationContext next = ApplicationContext.run(settings, "test")) {
                CallSummaries summaries = next.getBean(CallSummaries.class);

                await().atMost(Duration.ofSeconds(15)).until(() -> !summaries.leftBehind(start.minusSeconds(1),
                    Instant.now()).contains(sid));

                assertThat(summaries.leftBehind(start.minusSeconds(1), Instant.now())).doesNotContain(sid, answered);
                assertThat(answeredSeconds(next, answered)).isEqualTo(40);
                summaries.forget(List.of(sid, answered));
            }
        }
    }

    private static Integer answeredSeconds(ApplicationContext context, String sid) throws SQLException {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                 "SELECT answer_seconds FROM call_summary WHERE call_sid = ? AND answered = 1")) {
            select.setString(1, sid);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getInt(1) : null;
            }
        }
    }

    private static CallEvent step(String sid, String node, String key, String next, String detail, Instant at) {
        return new CallEvent(UUID.randomUUID(), sid, node, key, next, "en", detail, null, at);
    }
}
