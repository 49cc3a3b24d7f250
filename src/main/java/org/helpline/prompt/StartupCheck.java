package org.helpline.prompt;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import org.helpline.flow.CallFlow;
import org.helpline.flow.FlowProblems;
import org.helpline.flow.Language;
import org.helpline.speech.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start a helpline that would strand a caller: a key leading nowhere, a node no one can reach, or a
 * prompt without a script in some language. Runs once, before the server takes its first call.
 */
@Context
class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    private final CallFlow flow;
    private final PromptCatalog catalog;
    private final RequiredPrompts required;
    private final Vocabulary vocabulary;

    StartupCheck(CallFlow flow, PromptCatalog catalog, RequiredPrompts required, Vocabulary vocabulary) {
        this.flow = flow;
        this.catalog = catalog;
        this.required = required;
        this.vocabulary = vocabulary;
    }

    @PostConstruct
    void check() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The call flow is not safe to answer calls with:\n - "
                + String.join("\n - ", problems));
        }
        LOG.info("Call flow checked: {} nodes, {} prompts in {} languages", flow.nodes().size(),
            required.ids().size(), Language.values().length);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>(FlowProblems.of(flow));
        problems.addAll(vocabulary.problems());
        for (Language language : Language.values()) {
            for (String id : required.ids()) {
                if (catalog.script(language, id).filter(text -> !text.isBlank()).isEmpty()) {
                    problems.add("prompt '" + id + "' has no " + language.code() + " script (prompts/"
                        + language.code() + "/" + id + ".txt)");
                }
            }
        }
        return problems;
    }
}
