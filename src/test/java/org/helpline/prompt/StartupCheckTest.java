package org.helpline.prompt;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.helpline.flow.CallFlow;
import org.helpline.flow.FlowProblems;
import org.helpline.flow.Node;
import org.helpline.flow.Target;
import org.helpline.speech.Vocabulary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A flow that would strand a caller stops the service from starting, with a message naming the problem. */
class StartupCheckTest {

    private static final Target QUEUE = new Target.ToQueue();

    @Test
    void whenTheHelplineFlowIsCheckedThenItHasNoProblems() {
        CallFlow flow = new CallFlow(List.copyOf(helplineNodes()));
        RequiredPrompts required = new RequiredPrompts(flow);

        StartupCheck check = new StartupCheck(flow, new PromptCatalog(required), required,
            new Vocabulary(flow));

        assertThat(check.problems()).isEmpty();
    }

    @Test
    void whenAKeyLeadsToANodeThatDoesNotExistThenTheProblemIsNamed() {
        CallFlow flow = new CallFlow(List.of(
            new Node(CallFlow.MAIN, List.of(), "main-menu", Map.of('0', QUEUE, '1', new Target.ToNode("nowhere"))),
            queue()));

        assertThat(FlowProblems.of(flow)).containsExactly("key 1 at node 'main' leads to missing node 'nowhere'");
    }

    @Test
    void whenANodeCannotBeReachedThenTheProblemIsNamed() {
        CallFlow flow = new CallFlow(List.of(
            new Node(CallFlow.MAIN, List.of(), "main-menu", Map.of('0', QUEUE)),
            new Node("orphan", List.of(), "stage-menu", Map.of('0', QUEUE)),
            queue()));

        assertThat(FlowProblems.of(flow)).containsExactly("node 'orphan' cannot be reached from the main menu");
    }

    @Test
    void whenAMenuDoesNotSendZeroToASpecialistThenTheProblemIsNamed() {
        CallFlow flow = new CallFlow(List.of(
            new Node(CallFlow.MAIN, List.of(), "main-menu", Map.of('1', new Target.ToNode("stages"), '0', QUEUE)),
            new Node("stages", List.of(), "stage-menu", Map.of('*', new Target.ToNode(CallFlow.MAIN))),
            queue()));

        assertThat(FlowProblems.of(flow)).containsExactly("node 'stages' does not send key 0 to a specialist");
    }

    @Test
    void whenAPromptHasNoScriptThenStartUpFailsNamingIt() {
        CallFlow flow = new CallFlow(List.of(
            new Node(CallFlow.MAIN, List.of(), "a-prompt-nobody-wrote", Map.of('0', QUEUE)), queue()));
        RequiredPrompts required = new RequiredPrompts(flow);

        StartupCheck check = new StartupCheck(flow, new PromptCatalog(required), required,
            new Vocabulary(flow));

        assertThat(check.problems()).contains(
            "prompt 'a-prompt-nobody-wrote' has no en script (prompts/en/a-prompt-nobody-wrote.txt)",
            "prompt 'a-prompt-nobody-wrote' has no es script (prompts/es/a-prompt-nobody-wrote.txt)");
        assertThatThrownBy(check::check).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("a-prompt-nobody-wrote");
    }

    @Test
    void whenTheApplicationStartsWithAMissingScriptThenItRefusesToStart() {
        var context = ApplicationContext.builder().environments("test")
            .properties(Map.of("micronaut.server.port", "-1")).build();
        var broken = new CallFlow(List.of(
            new Node(CallFlow.MAIN, List.of(), "never-written", Map.of('0', QUEUE)), queue()));
        context.registerSingleton(CallFlow.class, broken);

        assertThatThrownBy(context::start).isInstanceOf(BeanInstantiationException.class)
            .hasStackTraceContaining("prompt 'never-written' has no en script");
        context.close();
    }

    @Test
    void whenNoAuthTokenIsSetThenTheServiceRefusesToStartRatherThanRefuseEveryCall() {
        var context = ApplicationContext.builder().environments("test")
            .properties(Map.of("micronaut.server.port", "-1", "helpline.twilio.auth-token", "")).build();

        assertThatThrownBy(context::start).hasStackTraceContaining("TWILIO_AUTH_TOKEN is not set");
        context.close();
    }

    @Test
    void whenTheSpeechVocabularyNamesAMenuTheFlowLacksThenTheProblemIsNamed() {
        CallFlow flow = new CallFlow(List.of(new Node(CallFlow.MAIN, List.of(), "main-menu", Map.of('0', QUEUE)),
            queue()));

        assertThat(new Vocabulary(flow).problems())
            .contains("prompts/en/speech.properties: 'stages.1' names a menu or key the call flow does not have")
            .contains("prompts/es/speech.properties: 'main.9' names a menu or key the call flow does not have");
    }

    private static Node queue() {
        return new Node(CallFlow.QUEUE, List.of(), null, Map.of());
    }

    private static List<Node> helplineNodes() {
        try (var context = ApplicationContext.builder().environments("test").build()) {
            context.start();
            return List.copyOf(context.getBean(CallFlow.class).nodes().values());
        }
    }
}
