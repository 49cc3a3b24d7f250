package org.helpline.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.hours.OpeningHours;
import org.helpline.callback.CallbackRequest;
import org.helpline.callback.CallbackRequestRepository;
import org.helpline.event.CallEvent;
import org.helpline.event.CallEventRepository;
import org.helpline.event.CallSummaries;
import org.helpline.hours.HolidayRepository;
import org.helpline.hours.WeeklyHours;
import org.helpline.hours.WeeklyHoursRepository;
import org.helpline.support.Hours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure against values worked out by hand for a known set of calls. The range, Saturday 31 October and
 * Sunday 1 November 2026 in Chicago, crosses the end of daylight saving time: Sunday has 25 hours and 1:30 a.m.
 * happens twice.
 */
@MicronautTest(transactional = false)
class CallFiguresTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ReportRange WEEKEND =
        new ReportRange(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01"), CHICAGO);

    @Inject
    OpeningHours openingHours;

    @Inject
    CallFigures figures;

    @Inject
    CallEventRepository events;

    @Inject
    CallbackRequestRepository callbacks;

    @Inject
    CallSummaries summaries;

    @Inject
    WeeklyHoursRepository weekly;

    @Inject
    HolidayRepository holidays;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<CallEvent> known = new ArrayList<>();

    @BeforeEach
    void knownCalls() {
        // Open Saturdays 8:00 to 14:00 only, so calls at other times count as after hours.
        weekly.deleteAll();
        weekly.save(new WeeklyHours(null, 6, 8 * 60, 14 * 60));
        openingHours.changed();
        callbacks.deleteAll();

        // C1, English, Saturday 9:05 CDT: spoke of an emergency twice, stage guidance, then a specialist after 45 s
        // in queue; 300 s call.
        call("C1", "2026-10-31T14:05:00Z", "en",
            step("main", "1", "stages"), emergency("stages"), emergency("overdose"),
            step("stages", "4", "stage-relapse"), step("stage-relapse", "0", "queue"),
            queue("enqueued", null), queue("bridged", 45), status(300));
        // C2, Spanish, Saturday 15:00 CDT (after hours): hung up after 30 s in queue; 60 s call.
        call("C2", "2026-10-31T20:00:00Z", "es",
            language(), step("main", "0", "queue"), queue("enqueued", null), queue("hangup", 30), status(60));
        // C3, Sunday 1:30 CDT (the first 1:30): two questions answered, hung up at the third; 40 s call.
        call("C3", "2026-11-01T06:30:00Z", "en",
            step("main", "2", "question-stage"), step("question-stage", "3", "question-risk"),
            step("question-risk", "2", "question-support"), status(40));
        // C4, Sunday 1:30 CST (the second 1:30): hung up during the greeting; 5 s call.
        call("C4", "2026-11-01T07:30:00Z", "en", status(5));
        // C5, Sunday 9:00 CST: straight to a specialist after 90 s; 500 s call.
        call("C5", "2026-11-01T15:00:00Z", "en",
            step("main", "0", "queue"), queue("enqueued", null), queue("bridged", 90), status(500));
        // C6, Monday 9:00 CST: after the range, counted nowhere.
        call("C6", "2026-11-02T15:00:00Z", "en", emergency("main"), step("main", "0", "queue"),
            queue("enqueued", null));
        events.saveAll(known);
        // Written straight to the table (to set their times), so the summaries are refreshed as the writer would.
        summaries.refresh(known.stream().map(CallEvent::callSid).collect(java.util.stream.Collectors.toSet()));

        callbacks.save(callback("2026-10-31T21:00:00Z", CallbackRequest.DONE));
        callbacks.save(callback("2026-11-01T16:00:00Z", CallbackRequest.PENDING));
        callbacks.save(callback("2026-10-20T16:00:00Z", CallbackRequest.PENDING));
    }

    @AfterEach
    void openAroundTheClockAgain() {
        summaries.forget(known.stream().map(CallEvent::callSid).collect(java.util.stream.Collectors.toSet()));
        callbacks.deleteAll();
        Hours.openAroundTheClock(weekly, holidays, openingHours);
    }

    @Test
    void whenAWeekendAcrossTheClockChangeIsReportedThenEveryFigureMatchesTheHandCount() {
        Figures f = figures.of(WEEKEND, 60);

        assertThat(f.calls()).isEqualTo(5);
        assertThat(f.callsByWeekdayAndHour().get(5).get(9)).isEqualTo(1);
        assertThat(f.callsByWeekdayAndHour().get(5).get(15)).isEqualTo(1);
        assertThat(f.callsByWeekdayAndHour().get(6).get(1)).isEqualTo(2);
        assertThat(f.callsByWeekdayAndHour().get(6).get(9)).isEqualTo(1);
        assertThat(f.callsByWeekdayAndHour().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum())
            .isEqualTo(5);
        assertThat(f.afterHoursCalls()).isEqualTo(4);
        assertThat(f.afterHoursShare()).isEqualTo(0.8);
        assertThat(f.callsByLanguage()).containsEntry("en", 4).containsEntry("es", 1);
        assertThat(f.containedCalls()).isEqualTo(2);
        assertThat(f.containment()).isEqualTo(0.4);
        assertThat(f.shortCalls()).isEqualTo(1);
        assertThat(f.shortCallShare()).isEqualTo(0.2);
        // C1 spoke of one twice; C6's is after the range.
        assertThat(f.spokenEmergencies()).isEqualTo(1);

        Figures.Queue q = f.queue();
        assertThat(q.queued()).isEqualTo(3);
        assertThat(q.answered()).isEqualTo(2);
        assertThat(q.abandoned()).isEqualTo(1);
        assertThat(q.abandonmentRate()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(q.averageSpeedOfAnswer()).isEqualTo(67.5);
        assertThat(q.averageTimeToAbandon()).isEqualTo(30.0);
        assertThat(q.serviceLevel()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(q.longestWait()).isEqualTo(90);

        assertThat(f.menuChoices()).containsExactlyInAnyOrder(
            new Figures.Choice("main", "0", 2), new Figures.Choice("main", "1", 1),
            new Figures.Choice("main", "2", 1), new Figures.Choice("main", "9", 1),
            new Figures.Choice("question-risk", "2", 1), new Figures.Choice("question-stage", "3", 1),
            new Figures.Choice("stage-relapse", "0", 1), new Figures.Choice("stages", "4", 1));
        assertThat(f.dropOff()).containsExactly(new Figures.NodeCount("main", 1),
            new Figures.NodeCount("question-support", 1));
        assertThat(f.answers()).containsExactlyInAnyOrder(new Figures.Choice("question-stage", "3", 1),
            new Figures.Choice("question-risk", "2", 1));

        assertThat(f.callbacks().requested()).isEqualTo(2);
        assertThat(f.callbacks().done()).isEqualTo(1);
        assertThat(f.callbacks().pending()).isEqualTo(1);
        assertThat(f.callbacks().pendingNow()).isEqualTo(2);
        long oldest = ChronoUnit.MINUTES.between(Instant.parse("2026-10-20T16:00:00Z"), Instant.now());
        assertThat(f.callbacks().oldestPendingMinutes()).isBetween(oldest - 1, oldest + 1);
    }

    @Test
    void whenTheServiceLevelThresholdChangesThenOnlyTheServiceLevelMoves() {
        Figures strict = figures.of(WEEKEND, 30);
        Figures loose = figures.of(WEEKEND, 120);

        assertThat(strict.queue().serviceLevel()).isEqualTo(0.0);
        assertThat(loose.queue().serviceLevel()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(loose.queue().averageSpeedOfAnswer()).isEqualTo(strict.queue().averageSpeedOfAnswer());
    }

    @Test
    void whenTheRangeHasNoCallsThenCountsAreZeroAndSharesAreLeftEmpty() {
        Figures f = figures.of(new ReportRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-05"),
            CHICAGO), 60);

        assertThat(f.calls()).isZero();
        assertThat(f.spokenEmergencies()).isZero();
        assertThat(f.afterHoursShare()).isNull();
        assertThat(f.containment()).isNull();
        assertThat(f.queue().queued()).isZero();
        assertThat(f.queue().abandonmentRate()).isNull();
        assertThat(f.queue().averageSpeedOfAnswer()).isNull();
        assertThat(f.queue().serviceLevel()).isNull();
        assertThat(f.queue().longestWait()).isNull();
        assertThat(f.menuChoices()).isEmpty();
        assertThat(f.dropOff()).isEmpty();
        assertThat(f.callsByWeekdayAndHour().stream().flatMap(List::stream)).allMatch(count -> count == 0);
    }

    @Test
    void whenTheRangeIsOnlyTheLongSundayThenBothHalfPastOnesAreCounted() {
        Figures sunday = figures.of(new ReportRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01"),
            CHICAGO), 60);

        assertThat(sunday.calls()).isEqualTo(3);
        assertThat(sunday.callsByWeekdayAndHour().get(6).get(1)).isEqualTo(2);
    }

    @Test
    void whenACallerJoinedTheQueueAndHasNoResultYetThenTheyAreInTheQueueNow() {
        int before = figures.of(WEEKEND, 60).now().callersInQueue();
        Instant threeHoursAgo = Instant.now().minus(3, ChronoUnit.HOURS);
        CallEvent waiting = new CallEvent(UUID.randomUUID(), "CAwaiting" + run, "queue", null, "queue", "en",
            "enqueued", null, threeHoursAgo);
        known.add(events.save(waiting));

        Figures.Now now = figures.of(WEEKEND, 60).now();

        assertThat(now.callersInQueue()).isEqualTo(before + 1);
        assertThat(now.longestCurrentWaitSeconds()).isBetween(3 * 3600L, 3 * 3600L + 60);
    }

    @Test
    void whenACallsEndArrivedBeforeItsQueueStepThenItIsNotInTheQueueNow() {
        int before = figures.of(WEEKEND, 60).now().callersInQueue();
        Instant minuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES);
        // Twilio's requests can arrive out of order: the status callback first, the queue step a moment later.
        known.add(events.save(new CallEvent(UUID.randomUUID(), "CAended" + run, "status", null, null, "en",
            "completed", 30, minuteAgo)));
        known.add(events.save(new CallEvent(UUID.randomUUID(), "CAended" + run, "queue", null, "queue", "en",
            "enqueued", null, minuteAgo.plusSeconds(1))));

        assertThat(figures.of(WEEKEND, 60).now().callersInQueue()).isEqualTo(before);
    }

    @Test
    void whenACallsStepsAreWrittenInSeveralBatchesThenItCountsOnce() {
        // C7, Sunday 10:00 CST: the writer saw its first steps in one batch, its queue result and end in later ones.
        List<CallEvent> before = List.copyOf(known);
        call("C7", "2026-11-01T16:00:00Z", "en",
            step("main", "0", "queue"), queue("enqueued", null), queue("bridged", 20), status(200));
        List<CallEvent> c7 = known.subList(before.size(), known.size());
        events.saveAll(c7.subList(0, 3));
        summaries.refresh(List.of(c7.get(0).callSid()));
        events.saveAll(c7.subList(3, 5));
        summaries.refresh(List.of(c7.get(0).callSid()));
        summaries.refresh(List.of(c7.get(0).callSid()));

        Figures f = figures.of(WEEKEND, 60);

        assertThat(f.calls()).isEqualTo(6);
        assertThat(f.callsByWeekdayAndHour().get(6).get(10)).isEqualTo(1);
        assertThat(f.queue().queued()).isEqualTo(4);
        assertThat(f.queue().answered()).isEqualTo(3);
        assertThat(f.queue().averageSpeedOfAnswer()).isCloseTo((45 + 90 + 20) / 3.0, within(1e-9));
        assertThat(f.queue().serviceLevel()).isEqualTo(0.5);
        assertThat(f.menuChoices()).contains(new Figures.Choice("main", "0", 3));
    }

    @Test
    void whenAQuestionIsLeftWithStarOrZeroThenThatKeyIsAChoiceButNotAnAnswer() {
        // C8, Sunday 11:00 CST: back from the first question with *, then to a specialist from the second with 0.
        List<CallEvent> before = List.copyOf(known);
        call("C8", "2026-11-01T17:00:00Z", "en",
            step("main", "2", "question-stage"), step("question-stage", "*", "main"),
            step("main", "2", "question-stage"), step("question-stage", "1", "question-risk"),
            step("question-risk", "0", "queue"));
        List<CallEvent> c8 = known.subList(before.size(), known.size());
        events.saveAll(c8);
        summaries.refresh(List.of(c8.get(0).callSid()));

        Figures f = figures.of(WEEKEND, 60);

        assertThat(f.menuChoices()).contains(new Figures.Choice("question-stage", "*", 1),
            new Figures.Choice("question-risk", "0", 1));
        assertThat(f.answers()).containsExactlyInAnyOrder(new Figures.Choice("question-stage", "3", 1),
            new Figures.Choice("question-stage", "1", 1), new Figures.Choice("question-risk", "2", 1));
    }

    @Test
    void whenTheHoursChangeAfterCallsWereRecordedThenTheirAfterHoursCountStays() {
        Hours.openAroundTheClock(weekly, holidays, openingHours);

        Figures f = figures.of(WEEKEND, 60);

        assertThat(f.afterHoursCalls()).isEqualTo(4);
    }

    @Test
    void whenTheCallsAreForgottenThenNoFigureCountsThem() {
        summaries.forget(known.stream().map(CallEvent::callSid).toList());

        Figures f = figures.of(WEEKEND, 60);

        assertThat(f.calls()).isZero();
        assertThat(f.menuChoices()).isEmpty();
        assertThat(f.dropOff()).isEmpty();
        assertThat(f.queue().queued()).isZero();
    }

    private interface Step {
        CallEvent at(String callSid, Instant when, String language);
    }

    private void call(String name, String start, String language, Step... steps) {
        String sid = "CA" + name + run;
        Instant at = Instant.parse(start);
        known.add(new CallEvent(UUID.randomUUID(), sid, "incoming", null, "main", language, "call-start", null, at));
        for (Step step : steps) {
            at = at.plusSeconds(7);
            known.add(step.at(sid, at, language));
        }
    }

    private static Step step(String node, String key, String next) {
        return (sid, when, language) -> new CallEvent(UUID.randomUUID(), sid, node, key, next, language, "chosen",
            null, when);
    }

    /** The caller spoke of an emergency at {@code node} and was taken to the overdose guidance. */
    private static Step emergency(String node) {
        return (sid, when, language) -> new CallEvent(UUID.randomUUID(), sid, node, null, "overdose", language,
            "emergency", null, when);
    }

    private static Step language() {
        return (sid, when, language) -> new CallEvent(UUID.randomUUID(), sid, "main", "9", "main", "es",
            "language", null, when);
    }

    private static Step queue(String detail, Integer seconds) {
        return (sid, when, language) -> new CallEvent(UUID.randomUUID(), sid, "queue", null,
            detail.equals("enqueued") ? "queue" : null, language, detail, seconds, when);
    }

    private static Step status(int seconds) {
        return (sid, when, language) -> new CallEvent(UUID.randomUUID(), sid, "status", null, null, "en",
            "completed", seconds, when);
    }

    private CallbackRequest callback(String at, String status) {
        Instant requested = Instant.parse(at);
        return new CallbackRequest(UUID.randomUUID(), "CAcb" + run, "+13125550100", "en", status, requested,
            status.equals(CallbackRequest.PENDING) ? null : requested.plusSeconds(600));
    }
}
