package org.helpline.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What is wrong with a call flow's shape: keys that lead nowhere, nodes no caller can reach, menus with no way out. */
public final class FlowProblems {

    private FlowProblems() {
    }

    public static List<String> of(CallFlow flow) {
        List<String> problems = new ArrayList<>();
        if (flow.find(CallFlow.MAIN).isEmpty()) {
            problems.add("the flow has no main menu node '" + CallFlow.MAIN + "'");
            return problems;
        }
        if (flow.find(CallFlow.QUEUE).isEmpty()) {
            problems.add("the flow has no queue node '" + CallFlow.QUEUE + "'");
        }
        for (Node node : flow.nodes().values()) {
            problems.addAll(ofNode(flow, node));
        }
        Set<String> reached = reachable(flow);
        for (String id : flow.nodes().keySet()) {
            if (!reached.contains(id)) {
                problems.add("node '" + id + "' cannot be reached from the main menu");
            }
        }
        return problems;
    }

    private static List<String> ofNode(CallFlow flow, Node node) {
        List<String> problems = new ArrayList<>();
        if (node.isHandOff()) {
            return problems;
        }
        if (node.menu() == null) {
            problems.add("node '" + node.id() + "' has keys but no menu prompt");
        }
        Target zero = node.keys().get('0');
        boolean toSpecialist = zero instanceof Target.ToQueue
            || zero instanceof Target.ToNode toNode && toNode.nodeId().equals(CallFlow.QUEUE_ANYWAY);
        if (!toSpecialist) {
            problems.add("node '" + node.id() + "' does not send key 0 to a specialist");
        }
        node.keys().forEach((key, target) -> {
            String next = nextId(target);
            if (next != null && flow.find(next).isEmpty()) {
                problems.add("key " + key + " at node '" + node.id() + "' leads to missing node '" + next + "'");
            }
            if (target instanceof Target.Answer && !CallFlow.QUESTIONS.contains(node.id())) {
                problems.add("node '" + node.id() + "' takes answers but is not one of the questions");
            }
        });
        return problems;
    }

    private static Set<String> reachable(CallFlow flow) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(CallFlow.MAIN));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            todo.addAll(CallFlow.HAND_OFF_RESULTS.getOrDefault(id, List.of()));
            flow.find(id).ifPresent(node -> node.keys().values().forEach(target -> {
                String next = nextId(target);
                if (next != null) {
                    todo.push(next);
                }
            }));
        }
        return seen;
    }

    private static String nextId(Target target) {
        if (target instanceof Target.ToNode toNode) {
            return toNode.nodeId();
        }
        if (target instanceof Target.Answer answer) {
            return answer.nextNodeId();
        }
        if (target instanceof Target.ToQueue) {
            return CallFlow.QUEUE;
        }
        return null;
    }
}
