package org.helpline.metrics;

import org.helpline.flow.CallFlow;
import org.helpline.flow.Node;
import org.helpline.flow.Target;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The menu drawn as a flow: nodes in columns by how many keys from the main menu they are, branches as lines as
 * thick as the number of callers who took them, with that number on each, and each menu's drop-off under its box.
 * Branches back to an earlier column (star, "hear again") are left out so the picture reads left to right.
 */
final class FlowDiagram {

    static final int COLUMN = 190;
    static final int ROW = 46;
    static final int BOX_WIDTH = 150;
    static final int BOX_HEIGHT = 26;

    /** A node's box. */
    record Box(String id, int x, int y, int dropOff) {
    }

    /** A branch with the callers who took it. */
    record Branch(int x1, int y1, int x2, int y2, int count, double width, int labelX, int labelY) {
    }

    /** The whole picture and its size. */
    record Picture(List<Box> boxes, List<Branch> branches, int width, int height) {
    }

    private FlowDiagram() {
    }

    static Picture draw(CallFlow flow, List<Figures.Choice> choices, List<Figures.NodeCount> dropOff) {
        Map<String, Integer> depth = depths(flow);
        Map<Integer, Integer> rowsUsed = new HashMap<>();
        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<String, Integer> drops = new HashMap<>();
        dropOff.forEach(d -> drops.put(d.node(), d.count()));
        depth.forEach((id, column) -> {
            int row = rowsUsed.merge(column, 1, Integer::sum) - 1;
            boxes.put(id, new Box(id, 10 + column * COLUMN, 10 + row * ROW, drops.getOrDefault(id, 0)));
        });

        int most = choices.stream().mapToInt(Figures.Choice::count).max().orElse(1);
        List<Branch> branches = new ArrayList<>();
        for (Figures.Choice choice : choices) {
            String to = target(flow, choice);
            Box from = boxes.get(choice.node());
            Box end = to == null ? null : boxes.get(to);
            if (from == null || end == null || depth.get(to) <= depth.get(choice.node())) {
                continue;
            }
            int x1 = from.x() + BOX_WIDTH;
            int y1 = from.y() + BOX_HEIGHT / 2;
            int x2 = end.x();
            int y2 = end.y() + BOX_HEIGHT / 2;
            branches.add(new Branch(x1, y1, x2, y2, choice.count(), 1 + 7.0 * choice.count() / most,
                (x1 + x2) / 2, (y1 + y2) / 2 - 3));
        }

        int columns = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int rows = rowsUsed.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        return new Picture(List.copyOf(boxes.values()), branches, columns * COLUMN + 20, rows * ROW + 30);
    }

    /** How many keys each node is from the main menu, by a breadth-first walk of the flow. */
    private static Map<String, Integer> depths(CallFlow flow) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        List<String> frontier = new ArrayList<>(List.of(CallFlow.MAIN));
        depth.put(CallFlow.MAIN, 0);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                Node node = flow.find(id).orElseThrow();
                for (Target target : node.keys().values()) {
                    String to = nodeOf(target);
                    if (to != null && !depth.containsKey(to)) {
                        depth.put(to, depth.get(id) + 1);
                        next.add(to);
                    }
                }
            }
            frontier = next;
        }
        return depth;
    }

    private static String target(CallFlow flow, Figures.Choice choice) {
        if (choice.key() == null || choice.key().length() != 1) {
            return null;
        }
        return flow.find(choice.node()).map(node -> node.keys().get(choice.key().charAt(0)))
            .map(FlowDiagram::nodeOf).orElse(null);
    }

    private static String nodeOf(Target target) {
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
