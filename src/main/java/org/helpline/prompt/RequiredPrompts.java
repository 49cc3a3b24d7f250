package org.helpline.prompt;

import jakarta.inject.Singleton;
import org.helpline.advice.AdviceRules;
import org.helpline.directory.ResourceCategory;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Node;
import org.helpline.flow.Part;
import org.helpline.sms.TextReplies;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every prompt id the service uses: the flow's nodes, its fixed prompts, advice pieces, directory headings, and the
 * replies to incoming texts (scripts too, though never spoken).
 */
@Singleton
public class RequiredPrompts {

    private final Set<String> ids;

    RequiredPrompts(CallFlow flow) {
        Set<String> all = new TreeSet<>(CallFlow.SYSTEM_PROMPTS);
        for (Node node : flow.nodes().values()) {
            if (node.menu() != null) {
                all.add(node.menu());
            }
            for (Part part : node.body()) {
                if (part instanceof Part.Prompt prompt) {
                    all.add(prompt.promptId());
                }
            }
        }
        all.addAll(AdviceRules.PROMPTS);
        all.addAll(TextReplies.PROMPTS);
        for (ResourceCategory category : ResourceCategory.values()) {
            all.add(category.headingPrompt());
        }
        this.ids = Set.copyOf(all);
    }

    public Set<String> ids() {
        return ids;
    }
}
