package org.helpline.cluster;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assertj.core.groups.Tuple;
import org.helpline.callback.CallbackRequest;
import org.helpline.callback.CallbackRequestRepository;
import org.helpline.event.CallEventRepository;
import org.helpline.event.CallEvents;
import org.helpline.support.FakeTwilio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one database, as behind a load balancer: every request of a call goes to the
 * other instance than the one before. Each call must sound and end as it would on one instance, and leave the same
 * complete record, although each instance wrote only half of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private static final Duration WRITTEN_WITHIN = Duration.ofSeconds(10);

    private TwoInstances instances;
    private CallEventRepository events;
    private CallbackRequestRepository callBacks;
    private DataSource dataSource;

    @BeforeAll
    void start() {
        instances = new TwoInstances();
        events = instances.first().getBean(CallEventRepository.class);
        callBacks = instances.first().getBean(CallbackRequestRepository.class);
        // The bean hands out only the connection of a transaction in progress; a plain pool suits reads from a test.
        DataSource bean = instances.first().getBean(DataSource.class);
        dataSource = bean instanceof DelegatingDataSource delegating ? delegating.getTargetDataSource() : bean;
    }

    @AfterAll
    void stop() {
        instances.close();
    }

    @Test
    void whenBothInstancesHaveStartedThenTheyShareOneDatabaseButNotAPort() {
        assertThat(instances.contexts()).extracting(context -> context.getBean(EmbeddedServer.class).getPort())
            .doesNotHaveDuplicates();
        assertThat(instances.second().getRequiredProperty("datasources.default.url", String.class))
            .isEqualTo(instances.databaseUrl());
        assertThat(instances.databaseUrl()).startsWith(TwoInstances.onPostgres() ? "jdbc:postgresql:" : "jdbc:h2:tcp:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.helpline.cluster.Walks#all")
    void whenRequestsAlternateBetweenInstancesThenTheCallerHearsWhatOneInstanceWouldSay(Walk walk) {
        Alternating both = instances.alternating();

        List<Heard> alternating = new Caller(new FakeTwilio(both)).walk(walk);
        List<Heard> oneInstance = new Caller(new FakeTwilio(instances.firstOnly())).walk(walk);

        int steps = walk.steps().size();
        assertThat(both.served()).containsExactly((steps + 1) / 2, steps / 2);
        assertThat(alternating).hasSameSizeAs(oneInstance);
        for (int step = 0; step < steps; step++) {
            assertThat(alternating.get(step)).as("the answer to step %d of %d", step + 1, steps)
                .isEqualTo(oneInstance.get(step));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.helpline.cluster.Walks#all")
    void whenRequestsAlternateBetweenInstancesThenEveryStepIsRecordedOnceAndTheSummaryHasTheWholeCall(Walk walk) {
        Caller alternating = new Caller(new FakeTwilio(instances.alternating()));
        Caller oneInstance = new Caller(new FakeTwilio(instances.firstOnly()));
        alternating.walk(walk);
        oneInstance.walk(walk);

        awaitEventsWritten();

        assertThat(steps(alternating)).hasSizeGreaterThanOrEqualTo(walk.steps().size())
            .containsExactlyElementsOf(steps(oneInstance));
        // The summary is recomputed after each batch, so the last instance to write may still be at it.
        await().atMost(WRITTEN_WITHIN).untilAsserted(() -> {
            assertThat(Summary.read(dataSource, alternating.callSid())).contains(walk.summary());
            assertThat(Summary.read(dataSource, oneInstance.callSid())).contains(walk.summary());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.helpline.cluster.Walks#callBacks")
    void whenACallBackIsAskedForThroughBothInstancesThenOneRequestIsKept(Walk walk) {
        Caller caller = new Caller(new FakeTwilio(instances.alternating()));

        caller.walk(walk);

        String language = walk.summary().spanish() ? "es" : "en";
        assertThat(callBacks.findByCallSid(caller.callSid())).singleElement().satisfies(request -> {
            assertThat(request.phone()).isEqualTo(walk.callBackTo());
            assertThat(request.language()).isEqualTo(language);
            assertThat(request.status()).isEqualTo(CallbackRequest.PENDING);
        });
    }

    /** Both instances' writers have saved everything they were given. */
    private void awaitEventsWritten() {
        List<CallEvents> writers = instances.contexts().stream().map(context -> context.getBean(CallEvents.class))
            .toList();
        await().atMost(WRITTEN_WITHIN).until(() -> writers.stream().allMatch(writer -> writer.pending() == 0));
    }

    /** The call's events in time order, without what differs from one call to the next (ids, times). */
    private List<Tuple> steps(Caller caller) {
        return events.findByCallSidOrderByOccurredAt(caller.callSid()).stream()
            .map(event -> Tuple.tuple(event.node(), event.choice(), event.nextNode(), event.language(),
                event.detail(), event.seconds()))
            .toList();
    }
}
