package org.helpline.call;

import org.helpline.flow.Language;
import org.helpline.flow.Node;

/** What follows a key press, silence or a stray key at a node. */
sealed interface Outcome {

    /** Arrive at a node (possibly the same one, or the queue) and say it from the top. */
    record Go(Node node, CallState state) implements Outcome {
    }

    /** The greeting and main menu in another language. */
    record Greet(Language language) implements Outcome {
    }

    /** Say the node's menu again after a short word on why: {@code leadIn} is a prompt id. */
    record Retry(Node node, CallState state, String leadIn) implements Outcome {
    }

    /** The caller has not made a choice three times in a row: a person takes over. */
    record Escalate(Node queue, CallState state) implements Outcome {
    }
}
