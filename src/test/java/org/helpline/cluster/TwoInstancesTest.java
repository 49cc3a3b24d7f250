package org.helpline.cluster;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import org.assertj.core.groups.Tuple;
import org.helpline.callback.CallbackRequest;
import org.helpline.callback.CallbackRequestRepository;
import org.helpline.event.CallEvent;
import org.helpline.event.CallEventRepository;
import org.helpline.event.CallEvents;
import org.helpline.event.CallSummaries;
import org.helpline.support.FakeTwilio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    private static final int RECOMPUTE_ROUNDS = 30;

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

    @Test
    void whenBothInstancesRecomputeTheSameCallAtOnceThenNeitherFailsAndEveryChoiceCountsOnce() throws Exception {
        Walk walk = Walks.all().findFirst().orElseThrow();
        Caller caller = new Caller(new FakeTwilio(instances.alternating()));
        caller.walk(walk);
        awaitEventsWritten();
        List<CallSummaries> recomputes = instances.contexts().stream()
            .map(context -> context.getBean(CallSummaries.class)).toList();

        // Each instance recomputes after its own batch, whenever it likes; here both start together, many times.
        List<Throwable> failures = new ArrayList<>();
        for (int round = 0; round < RECOMPUTE_ROUNDS; round++) {
            failures.addAll(together(recomputes.stream()
                .<Runnable>map(recompute -> () -> recompute.refresh(Set.of(caller.callSid()))).toList()));
        }

        assertThat(failures).as("recomputes that failed").isEmpty();
        assertThat(Summary.read(dataSource, caller.callSid())).contains(walk.summary());
        assertThat(Figures.unmarkedChoiceEvents(dataSource, caller.callSid())).as("the call's choices not counted")
            .isZero();
        for (Instant at : choicesOf(caller)) {
            assertThat(Figures.countedChoices(dataSource, at)).as("menu choices in the quarter hour of %s", at)
                .isEqualTo(Figures.markedChoiceEvents(dataSource, at));
        }
    }

    @Test
    void whenBothInstancesRecomputeCallsOfOneQuarterHourAtOnceThenEveryChoiceInItCountsOnce() throws Exception {
        // Times of their own, far from today's figures: one call began in the quarter hour before the other.
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant quarter = Instant.parse("2026-09-14T15:15:00Z");
        List<CallEvent> steps = List.of(
            step("CAearlier" + run, "incoming", null, "call-start", quarter.minusSeconds(300)),
            step("CAearlier" + run, "main", "1", "chosen", quarter.plusSeconds(60)),
            step("CAlater" + run, "incoming", null, "call-start", quarter.plusSeconds(120)),
            step("CAlater" + run, "main", "3", "chosen", quarter.plusSeconds(180)));
        events.saveAll(steps);
        List<CallSummaries> recomputes = instances.contexts().stream()
            .map(context -> context.getBean(CallSummaries.class)).toList();

        List<Long> miscounted = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        try {
            for (int round = 0; round < RECOMPUTE_ROUNDS; round++) {
                failures.addAll(together(List.of(() -> recomputes.get(0).refresh(Set.of("CAearlier" + run)),
                    () -> recomputes.get(1).refresh(Set.of("CAlater" + run)))));
                miscounted.add(Figures.countedChoices(dataSource, quarter)
                    - Figures.markedChoiceEvents(dataSource, quarter));
                counted.add(Figures.countedChoices(dataSource, quarter));
            }
        } finally {
            recomputes.get(0).forget(Set.of("CAearlier" + run, "CAlater" + run));
        }

        assertThat(failures).as("recomputes that failed").isEmpty();
        assertThat(miscounted).as("choices counted more or less than made, after each round").containsOnly(0L);
        assertThat(counted).as("choices counted in the quarter hour, after each round").containsOnly(2L);
    }

    /** Runs the tasks at the same moment, each on its own thread, and returns what they threw. */
    private static List<Throwable> together(List<Runnable> tasks) throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(tasks.size());
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable task : tasks) {
                done.add(threads.submit(() -> {
                    start.await();
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return failures;
    }

    private static CallEvent step(String callSid, String node, String choice, String detail, Instant at) {
        return new CallEvent(UUID.randomUUID(), callSid, node, choice, null, "en", detail, null, at);
    }

    /** Both instances' writers have saved everything they were given. */
    private void awaitEventsWritten() {
        List<CallEvents> writers = instances.contexts().stream().map(context -> context.getBean(CallEvents.class))
            .toList();
        await().atMost(WRITTEN_WITHIN).until(() -> writers.stream().allMatch(CallEvents::settled));
    }

    /** When the call's menu choices were made. */
    private List<Instant> choicesOf(Caller caller) {
        return events.findByCallSidOrderByOccurredAt(caller.callSid()).stream()
            .filter(event -> "chosen".equals(event.detail())).map(CallEvent::occurredAt).toList();
    }

    /** The call's events in time order, without what differs from one call to the next (ids, times). */
    private List<Tuple> steps(Caller caller) {
        return events.findByCallSidOrderByOccurredAt(caller.callSid()).stream()
            .map(event -> Tuple.tuple(event.node(), event.choice(), event.nextNode(), event.language(),
                event.detail(), event.seconds()))
            .toList();
    }
}
