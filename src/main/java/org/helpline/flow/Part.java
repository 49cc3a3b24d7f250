package org.helpline.flow;

/** One piece of what a node says before its menu. */
public sealed interface Part {

    /** A fixed prompt, by id. */
    record Prompt(String promptId) implements Part {
    }

    /** The active resources of one category (or of every category when null), read from the directory. */
    record Resources(String category) implements Part {
    }

    /** Sends the resource list by text message to the caller (once a call) and says whether it went. */
    record TextResources() implements Part {
    }

    /** Advice composed from the answers to the three questions. */
    record Advice() implements Part {
    }
}
