package org.helpline.flow;

/** Where a key press leads. */
public sealed interface Target {

    /** Another node of the flow, in the same language. */
    record ToNode(String nodeId) implements Target {
    }

    /** The same node again, from the top. */
    record Repeat() implements Target {
    }

    /** The specialists' queue. */
    record ToQueue() implements Target {
    }

    /**
     * The main menu, greeted again in {@code language}; a caller already in it goes back to English, so the key that
     * took a caller to Spanish by mistake also brings them back.
     */
    record ToLanguage(Language language) implements Target {
    }

    /** Records the key as the answer to this question and moves on to {@code nextNodeId}. */
    record Answer(String nextNodeId) implements Target {
    }

    /** The question before this one, or the main menu from the first question. */
    record PreviousQuestion() implements Target {
    }
}
