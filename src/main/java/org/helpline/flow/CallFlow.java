package org.helpline.flow;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The call flow as data: every node by id, read by the controllers, the tests and the start-up check. */
@Singleton
public final class CallFlow {

    public static final String MAIN = "main";
    public static final String QUEUE = "queue";
    /** The queue without the closed and busy checks, for a caller who chose to wait anyway. */
    public static final String QUEUE_ANYWAY = "queue-anyway";
    public static final String QUEUE_CLOSED = "queue-closed";
    public static final String QUEUE_BUSY = "queue-busy";
    /** Where a caller goes when Twilio reports the queue full: told so, with a call back and the menu offered. */
    public static final String QUEUE_FULL = "queue-full";
    public static final String CALLBACK = "callback";
    /** What to know about an overdose and naloxone; where a caller who speaks of an emergency is taken. */
    public static final String OVERDOSE = "overdose";

    /** Nodes a hand-off may lead to without a key: the queue's closed, busy and full menus. */
    public static final Map<String, List<String>> HAND_OFF_RESULTS =
        Map.of(QUEUE, List.of(QUEUE_CLOSED, QUEUE_BUSY, QUEUE_FULL));

    /** The three questions of main menu key 2, in the order they are asked. */
    public static final List<String> QUESTIONS = List.of("question-stage", "question-risk", "question-support");

    /** Prompts said outside any node's body or menu: the greeting, re-prompts, the queue and goodbyes. */
    public static final List<String> SYSTEM_PROMPTS = List.of(
        "welcome", "safety", "spanish-offer", "english-offer", "no-input", "invalid-choice", "too-many-tries",
        "queue-connecting", "queue-next", "queue-position", "queue-wait-minutes", "queue-wait-short", "queue-wait-long",
        "queue-hold",
        "queue-error", "lost-step", "queue-after-call", "queue-callback-offer", "queue-wait-one", "goodbye",
        "goodbye-closed",
        "specialist-connect", "specialist-screen",
        "callback-confirm", "callback-number", "callback-no-number", "callback-bad-number", "callback-saved",
        "callback-unavailable",
        "resources-intro", "resource-phone", "resources-unavailable", "sms-sent", "sms-unavailable",
        "sms-already-sent");

    private final Map<String, Node> nodes;

    @Inject
    CallFlow() {
        this(HelplineFlow.nodes());
    }

    /** A flow of the given nodes, for tests of the start-up check. */
    public CallFlow(List<Node> nodeList) {
        Map<String, Node> byId = new LinkedHashMap<>();
        for (Node node : nodeList) {
            if (byId.put(node.id(), node) != null) {
                throw new IllegalArgumentException("Call flow defines node '" + node.id() + "' twice");
            }
        }
        this.nodes = Map.copyOf(byId);
    }

    public Optional<Node> find(String id) {
        return Optional.ofNullable(id).map(nodes::get);
    }

    public Node main() {
        return nodes.get(MAIN);
    }

    public Map<String, Node> nodes() {
        return nodes;
    }
}
