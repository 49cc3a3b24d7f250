package org.helpline.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Node}; every menu gets 0 for a specialist and * for the main menu unless it says otherwise. */
final class NodeBuilder {

    private final String id;
    private final List<Part> body = new ArrayList<>();
    private final Map<Character, Target> keys = new LinkedHashMap<>();
    private String menu;

    private NodeBuilder(String id) {
        this.id = id;
    }

    static NodeBuilder node(String id) {
        return new NodeBuilder(id);
    }

    NodeBuilder says(String promptId) {
        body.add(new Part.Prompt(promptId));
        return this;
    }

    NodeBuilder says(Part part) {
        body.add(part);
        return this;
    }

    NodeBuilder menu(String promptId) {
        this.menu = promptId;
        return this;
    }

    NodeBuilder key(char key, Target target) {
        keys.put(key, target);
        return this;
    }

    NodeBuilder key(char key, String nodeId) {
        return key(key, new Target.ToNode(nodeId));
    }

    Node build() {
        keys.putIfAbsent('0', new Target.ToQueue());
        keys.putIfAbsent('*', new Target.ToNode(CallFlow.MAIN));
        return new Node(id, body, menu, keys);
    }
}
