package org.helpline.flow;

import java.util.List;
import java.util.Map;

import static org.helpline.flow.NodeBuilder.node;

/**
 * The helpline's menus, as CALL-FLOW.md lays them out: every node, what it says and where each key leads.
 * This is the one place to change the digit map; controllers, tests and the start-up check all read it.
 */
final class HelplineFlow {

    private static final Target AGAIN = new Target.Repeat();
    private static final Target BACK = new Target.PreviousQuestion();

    private HelplineFlow() {
    }

    static List<Node> nodes() {
        return List.of(
            mainKeys(node(CallFlow.MAIN).menu("main-menu")).key('*', AGAIN).build(),

            node("stages").menu("stage-menu")
                .key('1', "stage-new").key('2', "stage-denial").key('3', "stage-recovery").key('4', "stage-relapse")
                .build(),
            stage("stage-new"),
            stage("stage-denial"),
            stage("stage-recovery"),
            stage("stage-relapse"),

            node(CallFlow.OVERDOSE).says("overdose").menu("after-overdose")
                .key('1', AGAIN).key('2', "training").build(),
            node("training").says("training-intro").says(new Part.Resources("training")).menu("after-training")
                .key('1', AGAIN).key('2', "resources").build(),
            node("facts").says("facts").menu("after-facts").key('1', AGAIN).key('2', "stages").build(),

            node("resources").says("resources-intro").says(new Part.Resources(null)).menu("after-resources")
                .key('1', AGAIN).key('2', "resources-texted").build(),
            // The main menu's own words follow the text, so its keys all work here too, 9 included.
            mainKeys(node("resources-texted").says(new Part.TextResources()).menu("main-menu")).build(),

            node("question-stage").menu("question-stage")
                .key('1', answer("question-risk")).key('2', answer("question-risk"))
                .key('3', answer("question-risk")).key('4', answer("question-risk")).key('*', BACK).build(),
            node("question-risk").menu("question-risk")
                .key('1', answer("question-support")).key('2', answer("question-support")).key('*', BACK).build(),
            node("question-support").menu("question-support")
                .key('1', answer("advice")).key('2', answer("advice")).key('*', BACK).build(),
            node("advice").says(new Part.Advice()).menu("after-advice").key('1', AGAIN).key('2', "resources").build(),

            node(CallFlow.QUEUE_CLOSED).says("queue-closed").menu("closed-menu").key('1', CallFlow.CALLBACK).build(),
            node(CallFlow.QUEUE_FULL).says("queue-full").menu("closed-menu").key('1', CallFlow.CALLBACK).build(),
            // The caller has just been told the wait: asking for a person here means waiting in line after all.
            node(CallFlow.QUEUE_BUSY).says("queue-busy").menu("busy-menu")
                .key('1', CallFlow.CALLBACK).key('2', CallFlow.QUEUE_ANYWAY).key('0', CallFlow.QUEUE_ANYWAY).build(),

            handOff(CallFlow.QUEUE),
            handOff(CallFlow.QUEUE_ANYWAY),
            handOff(CallFlow.CALLBACK));
    }

    /** The main menu's choices, for every node that says the main menu. */
    private static NodeBuilder mainKeys(NodeBuilder menu) {
        return menu.key('1', "stages").key('2', "question-stage").key('3', CallFlow.OVERDOSE).key('4', "resources")
            .key('5', "facts").key('9', new Target.ToLanguage(Language.ES));
    }

    /** A node whose caller is handed to another feature's webhooks: the queue, or a call-back request. */
    private static Node handOff(String id) {
        return new Node(id, List.of(), null, Map.of());
    }

    private static Node stage(String id) {
        return node(id).says(id).menu("after-stage").key('1', AGAIN).key('2', "resources").build();
    }

    private static Target answer(String next) {
        return new Target.Answer(next);
    }
}
