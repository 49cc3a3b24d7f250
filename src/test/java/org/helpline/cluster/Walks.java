package org.helpline.cluster;

import org.helpline.support.CallWalk;

import java.util.List;
import java.util.stream.Stream;

import static org.helpline.cluster.Step.followRedirect;
import static org.helpline.cluster.Step.hangUp;
import static org.helpline.cluster.Step.press;
import static org.helpline.cluster.Step.pressWhileWaiting;
import static org.helpline.cluster.Step.queueEnds;
import static org.helpline.cluster.Step.silence;
import static org.helpline.cluster.Step.start;
import static org.helpline.cluster.Step.waitInLine;

/** Complete calls through every part of the line: the menus, the questions, the queue, call backs. */
final class Walks {

    /** A number the caller keys in for the call back instead of their own. */
    static final String OTHER_NUMBER = "7735550123";

    private Walks() {
    }

    static Stream<Walk> all() {
        return Stream.concat(selfService().stream(), queued().stream());
    }

    static Stream<Walk> callBacks() {
        return all().filter(walk -> walk.callBackTo() != null);
    }

    private static List<Walk> selfService() {
        return List.of(
            new Walk("guidance after a relapse, then the resources", Summary.selfService("main", 95),
                start(), press("1"), press("4"), press("2"), press("*"), hangUp(95)),
            new Walk("the three questions and their advice, twice", Summary.selfService("advice", 140),
                start(), press("2"), press("4"), press("1"), press("2"), press("1"), hangUp(140)),
            new Walk("overdose, the training, the facts, then silence", Summary.selfService("facts", 200),
                start(), press("3"), press("2"), press("*"), press("5"), silence(), hangUp(200)));
    }

    private static List<Walk> queued() {
        return List.of(
            new Walk("waits and a specialist answers", Summary.answered(95, 400),
                start(), press("0"), waitInLine(3, 10), waitInLine(2, 40), waitInLine(1, 70), queueEnds("bridged", 95),
                hangUp(400)),
            new Walk("waits and hangs up", Summary.abandoned(62, 80),
                start(), press("1"), press("0"), waitInLine(2, 5), waitInLine(2, 35), queueEnds("hangup", 62),
                hangUp(80)),
            new Walk("three silences in Spanish bring a specialist", Summary.answered(20, 90).inSpanish(),
                start(), press("9"), silence(), silence(), silence(), waitInLine(1, 15), queueEnds("bridged", 20),
                hangUp(90)),
            new Walk("leaves the queue to be called back", Summary.calledBack(50, 150),
                start(), press("0"), waitInLine(4, 30), pressWhileWaiting("1"), queueEnds("leave", 50),
                followRedirect(), press("1"), hangUp(150))
                .callingBack(CallWalk.CALLER),
            new Walk("leaves the queue to be called back on another number, in Spanish",
                Summary.calledBack(25, 120).inSpanish(),
                start(), press("9"), press("0"), waitInLine(2, 20), pressWhileWaiting("1"), queueEnds("leave", 25),
                followRedirect(), press("2"), press(OTHER_NUMBER), hangUp(120))
                .callingBack("+1" + OTHER_NUMBER));
    }
}
