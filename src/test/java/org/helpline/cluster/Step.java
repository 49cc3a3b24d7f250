package org.helpline.cluster;

import org.helpline.support.TwimlDoc;

import java.util.Map;

/** One request of a call, as Twilio would make it: to a URL that the call's TwiML so far has named. */
@FunctionalInterface
interface Step {

    TwimlDoc takenBy(Caller caller);

    static Step start() {
        return caller -> caller.call().start();
    }

    static Step press(String digits) {
        return caller -> caller.call().press(digits);
    }

    static Step silence() {
        return caller -> caller.call().silence();
    }

    /** Twilio fetches the queue's wait URL again: the caller is still in line. */
    static Step waitInLine(int position, int secondsSoFar) {
        return caller -> caller.call().step(caller.enqueued("waitUrl"), Map.of("QueuePosition",
            String.valueOf(position), "CurrentQueueSize", String.valueOf(position), "AvgQueueTime", "150",
            "QueueTime", String.valueOf(secondsSoFar)));
    }

    /** A key inside the wait message's Gather. */
    static Step pressWhileWaiting(String digits) {
        return press(digits);
    }

    /** The wait is over: Twilio requests the Enqueue's action with how it ended. */
    static Step queueEnds(String result, int secondsInQueue) {
        return caller -> caller.call().step(caller.enqueued("action"),
            Map.of("QueueResult", result, "QueueTime", String.valueOf(secondsInQueue)));
    }

    static Step followRedirect() {
        return caller -> caller.call().step(caller.call().current().redirect(), Map.of());
    }

    /** The caller hangs up and Twilio sends the status callback. */
    static Step hangUp(int callSeconds) {
        return caller -> caller.call().step("/voice/status",
            Map.of("CallStatus", "completed", "CallDuration", String.valueOf(callSeconds)));
    }
}
