package org.helpline.cluster;

import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;

import java.util.ArrayList;
import java.util.List;

/** Takes the steps of a walk as one call, and keeps what each answer said. */
final class Caller {

    private final CallWalk call;
    private TwimlDoc enqueued;

    Caller(FakeTwilio twilio) {
        this.call = new CallWalk(twilio);
    }

    CallWalk call() {
        return call;
    }

    String callSid() {
        return call.callSid();
    }

    /** Walks the whole call; returns every answer, in order. */
    List<Heard> walk(Walk walk) {
        List<Heard> answers = new ArrayList<>();
        for (Step step : walk.steps()) {
            TwimlDoc answer = step.takenBy(this);
            if (answer.has("/Response/Enqueue")) {
                enqueued = answer;
            }
            answers.add(Heard.of(answer));
        }
        return answers;
    }

    /** An attribute of the Enqueue that put this caller in line (its wait URL or its action). */
    String enqueued(String attribute) {
        if (enqueued == null) {
            throw new AssertionError("The call has not been put in the queue yet");
        }
        return enqueued.attribute("/Response/Enqueue", attribute);
    }
}
