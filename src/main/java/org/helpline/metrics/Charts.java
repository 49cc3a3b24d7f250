package org.helpline.metrics;

import org.helpline.flow.CallFlow;
import org.helpline.flow.Target;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shapes for the dashboard's SVG charts, drawn on the server so the page needs nothing from the internet. */
final class Charts {

    static final int CELL = 22;
    static final int LABEL = 40;

    /** One bar: what it counts, how many, and its length as a percentage of the longest. */
    record Bar(String label, int count, int percent) {
    }

    /** One square of the heat map: where it is drawn, its count, and how dark it is (0 to 1). */
    record Cell(int x, int y, String day, int hour, int count, double shade) {
    }

    /** A day's label on the heat map. */
    record DayLabel(int y, String name) {
    }

    private Charts() {
    }

    static List<Cell> heatmap(List<List<Integer>> counts) {
        int max = counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).max().orElse(0);
        List<Cell> cells = new ArrayList<>();
        for (int day = 0; day < counts.size(); day++) {
            for (int hour = 0; hour < 24; hour++) {
                int count = counts.get(day).get(hour);
                cells.add(new Cell(LABEL + hour * CELL, day * CELL, dayName(day), hour, count,
                    max == 0 ? 0 : 0.1 + 0.9 * count / max));
            }
        }
        return cells;
    }

    static List<DayLabel> dayLabels() {
        List<DayLabel> labels = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            labels.add(new DayLabel(day * CELL + 15, dayName(day)));
        }
        return labels;
    }

    static List<Bar> choices(List<Figures.Choice> choices, CallFlow flow) {
        int max = choices.stream().mapToInt(Figures.Choice::count).max().orElse(0);
        return choices.stream()
            .map(choice -> new Bar(choice.node() + " · " + key(choice.key()) + " → " + target(flow, choice),
                choice.count(), percent(choice.count(), max)))
            .toList();
    }

    static List<Bar> nodes(List<Figures.NodeCount> counts) {
        int max = counts.stream().mapToInt(Figures.NodeCount::count).max().orElse(0);
        return counts.stream().map(c -> new Bar(c.node(), c.count(), percent(c.count(), max))).toList();
    }

    static List<Bar> queue(Figures.Queue queue) {
        int max = Math.max(queue.queued(), 1);
        int other = Math.max(0, queue.queued() - queue.answered() - queue.abandoned());
        return List.of(new Bar("queued", queue.queued(), percent(queue.queued(), max)),
            new Bar("answered", queue.answered(), percent(queue.answered(), max)),
            new Bar("abandoned", queue.abandoned(), percent(queue.abandoned(), max)),
            new Bar("other: still waiting, call back, full or error", other, percent(other, max)));
    }

    private static String target(CallFlow flow, Figures.Choice choice) {
        return flow.find(choice.node())
            .map(node -> node.keys().get(choice.key() == null || choice.key().isEmpty() ? ' ' : choice.key().charAt(0)))
            .map(Charts::describe)
            .orElse("?");
    }

    private static String describe(Target target) {
        if (target instanceof Target.ToNode toNode) {
            return toNode.nodeId();
        }
        if (target instanceof Target.Answer answer) {
            return "answer, then " + answer.nextNodeId();
        }
        if (target instanceof Target.ToLanguage language) {
            return "language " + language.language().code();
        }
        if (target instanceof Target.Repeat) {
            return "again";
        }
        if (target instanceof Target.PreviousQuestion) {
            return "previous question";
        }
        return "queue";
    }

    private static String key(String key) {
        return "*".equals(key) ? "star" : key;
    }

    private static int percent(int count, int max) {
        return max == 0 ? 0 : Math.round(100f * count / max);
    }

    private static String dayName(int day) {
        return DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
