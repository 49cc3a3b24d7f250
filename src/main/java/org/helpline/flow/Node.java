package org.helpline.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A place in the call: what the caller hears on arriving ({@code body}, then the {@code menu} prompt) and where
 * each key leads. A node without keys hands the caller to another feature (the queue, a call back). On a re-prompt
 * only the menu is said again.
 */
public record Node(String id, List<Part> body, String menu, Map<Character, Target> keys) {

    public Node {
        body = List.copyOf(body);
        keys = Map.copyOf(keys);
    }

    public boolean isHandOff() {
        return keys.isEmpty();
    }

    /** The digits a caller can press here, for the Gather's hints and for start-up checks. */
    public Set<Character> choices() {
        return keys.keySet();
    }
}
