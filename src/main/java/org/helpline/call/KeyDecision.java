package org.helpline.call;

import jakarta.inject.Singleton;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.flow.Node;
import org.helpline.flow.Target;

/**
 * The keypad rules of CALL-FLOW.md: a listed key goes where the flow says; silence or a missing {@code Digits}
 * says the menu again; any other key is "not one of the choices"; the third miss in a row goes to a specialist.
 * The third miss goes where the menu's key 0 goes, so a menu that sends 0 past the queue's checks (the one that
 * says the wait is long) sends a caller whose keypad does not work there too.
 */
@Singleton
class KeyDecision {

    private final CallFlow flow;

    KeyDecision(CallFlow flow) {
        this.flow = flow;
    }

    Outcome decide(Node node, CallState state, String digits) {
        if (digits == null || digits.isEmpty()) {
            return miss(node, state, "no-input");
        }
        Target target = digits.length() == 1 ? node.keys().get(digits.charAt(0)) : null;
        if (target == null) {
            return miss(node, state, "invalid-choice");
        }
        return follow(node, state, target, digits.charAt(0));
    }

    private Outcome miss(Node node, CallState state, String leadIn) {
        int misses = state.misses() + 1;
        if (misses >= CallState.MAX_MISSES) {
            return new Outcome.Escalate(specialist(node), state.withMisses(0));
        }
        return new Outcome.Retry(node, state.withMisses(misses), leadIn);
    }

    private Outcome follow(Node node, CallState state, Target target, char key) {
        CallState fresh = state.withMisses(0);
        if (target instanceof Target.ToNode toNode) {
            return new Outcome.Go(node(toNode.nodeId()), fresh);
        }
        if (target instanceof Target.Repeat) {
            return new Outcome.Go(node, fresh);
        }
        if (target instanceof Target.ToLanguage toLanguage) {
            Language chosen = toLanguage.language();
            return new Outcome.Greet(chosen == state.language() ? Language.EN : chosen);
        }
        if (target instanceof Target.Answer answer) {
            return answer(node, state, answer, key);
        }
        if (target instanceof Target.PreviousQuestion) {
            return previousQuestion(state);
        }
        return new Outcome.Go(node(CallFlow.QUEUE), fresh);
    }

    private Outcome answer(Node node, CallState state, Target.Answer answer, char key) {
        int asked = CallFlow.QUESTIONS.indexOf(node.id());
        if (asked < 0 || state.answers().length() < asked) {
            // A question reached without the answers before it (an edited URL): start the questions again.
            return new Outcome.Go(node(CallFlow.QUESTIONS.get(0)), state.withAnswers(""));
        }
        String answers = state.answers().substring(0, asked) + key;
        return new Outcome.Go(node(answer.nextNodeId()), state.withAnswers(answers));
    }

    private Outcome previousQuestion(CallState state) {
        String answers = state.answers();
        if (answers.isEmpty()) {
            return new Outcome.Go(flow.main(), state.withAnswers(""));
        }
        String kept = answers.substring(0, answers.length() - 1);
        return new Outcome.Go(node(CallFlow.QUESTIONS.get(kept.length())), state.withAnswers(kept));
    }

    /** Where key 0 leads from {@code node}: the queue, or a way into it (see {@code FlowProblems}). */
    private Node specialist(Node node) {
        return node.keys().get('0') instanceof Target.ToNode toNode ? node(toNode.nodeId()) : node(CallFlow.QUEUE);
    }

    private Node node(String id) {
        return flow.find(id).orElseThrow(() -> new IllegalStateException("Call flow has no node " + id));
    }
}
