package org.helpline.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.helpline.event.CallEvents;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.flow.Node;
import org.helpline.speech.SpokenChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * The menus after the greeting. {@code /key} is every menu's Gather action: it reads {@code Digits} (or, when no
 * key was pressed, the key a {@code SpeechResult} stands for), decides with {@link KeyDecision} and answers with
 * the next node's TwiML straight away, saving the caller a round trip. A key press always wins over speech.
 * <p>
 * Most answers are kept in memory, and those are given on the event loop. Only an answer that may wait on the
 * database (the directory, the opening hours before the queue, the text of resources) moves to the blocking pool:
 * the hop to another thread cost more than the rest of such a request.
 */
@Controller("/voice/menu")
// Said here as well as in the URL map: the annotation is decided first, so no URL pattern is matched.
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_XML)
class MenuController {

    private static final Logger LOG = LoggerFactory.getLogger(MenuController.class);
    /** What an unclear spoken answer becomes: no menu's key, so it counts as "not one of the choices". */
    private static final String UNCLEAR = "?";
    static final String EMERGENCIES = "helpline.speech.emergencies";
    /**
     * Menus that exist because no specialist can be reached right now. Not the one for a long wait: from there a
     * caller can still join the line.
     */
    private static final Set<String> UNREACHABLE = Set.of(CallFlow.QUEUE_CLOSED, CallFlow.QUEUE_FULL);

    private final CallFlow flow;
    private final KeyDecision decision;
    private final NodeRenderer renderer;
    private final CallEvents events;
    private final SpokenChoice spokenChoice;
    private final ExecutorService blocking;
    private final Map<Language, Counter> emergencies = new EnumMap<>(Language.class);

    MenuController(CallFlow flow, KeyDecision decision, NodeRenderer renderer, CallEvents events,
                   SpokenChoice spokenChoice, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                   MeterRegistry meters) {
        this.flow = flow;
        this.decision = decision;
        this.renderer = renderer;
        this.events = events;
        this.spokenChoice = spokenChoice;
        this.blocking = blocking;
        // How often callers speak of an overdose in progress: a figure the helpline's people should see on a graph.
        for (Language language : Language.values()) {
            emergencies.put(language, Counter.builder(EMERGENCIES).tag("language", language.code())
                .description("Callers who spoke of an overdose or someone not breathing at a menu").register(meters));
        }
    }

    /** A node said from the top; where a Redirect sends a caller back to a menu. */
    @Post(uri = "/{nodeId}", consumes = MediaType.ALL)
    CompletionStage<HttpResponse<byte[]>> show(String nodeId, HttpRequest<?> request) {
        Call call = Call.of(request);
        Node node = flow.find(nodeId).orElse(flow.main());

        return answer(renderer.fromMemory(node), () -> {
            events.record(call.sid(), node.id(), null, node.id(), call.state().language(), "shown", null);
            return Twiml.ok(renderer.arrive(node, call, call.state(), List.of()));
        });
    }

    @Post(uri = "/{nodeId}/key", consumes = MediaType.ALL)
    CompletionStage<HttpResponse<byte[]>> key(String nodeId, HttpRequest<?> request) {
        Call call = Call.of(request);
        // Hand-off nodes (the queue, a call back) have no keys; a key for one is a key for the main menu.
        Node node = flow.find(nodeId).filter(found -> !found.isHandOff()).orElse(flow.main());
        String digits = call.params().get("Digits").filter(d -> !d.isEmpty()).orElse(null);
        boolean spoken = digits == null && call.params().get("SpeechResult").isPresent();
        if (spoken && spokenChoice.emergency(call.params().get("SpeechResult").get())) {
            return answer(true, () -> Twiml.ok(emergency(node, call)));
        }
        if (spoken) {
            digits = spokenChoice.choose(call.state().language(), node, call.params().get("SpeechResult").get(),
                call.params().get("Confidence").orElse(null)).map(String::valueOf).orElse(UNCLEAR);
        }

        Outcome outcome = decision.decide(node, call.state(), digits);

        LOG.debug("Call {} at {}: {}", call.sid(), node.id(), outcome.getClass().getSimpleName());
        String chosen = digits;
        return answer(fromMemory(node, outcome), () -> Twiml.ok(respond(node, call, chosen, spoken, outcome)));
    }

    /** Whether the answer to {@code outcome} is kept in memory: only the queue and non-fixed nodes may wait. */
    private boolean fromMemory(Node node, Outcome outcome) {
        if (outcome instanceof Outcome.Go go) {
            return renderer.fromMemory(go.node());
        }
        if (outcome instanceof Outcome.Escalate) {
            return UNREACHABLE.contains(node.id());
        }
        return true;
    }

    /** Answers here on the event loop when nothing can block, else on the blocking pool. */
    private CompletionStage<HttpResponse<byte[]>> answer(boolean fromMemory, Supplier<HttpResponse<byte[]>> respond) {
        if (fromMemory) {
            return CompletableFuture.completedFuture(respond.get());
        }
        return CompletableFuture.supplyAsync(respond, blocking);
    }

    /**
     * A caller who said someone is overdosing or not breathing hears first to hang up and call 9 1 1, then what to
     * do in an overdose, whatever menu they were in: an emergency is never "not one of the choices".
     */
    private String emergency(Node node, Call call) {
        Node overdose = flow.find(CallFlow.OVERDOSE).orElseThrow();
        Language language = call.state().language();
        events.record(call.sid(), node.id(), null, overdose.id(), language, "emergency", null);
        emergencies.get(language).increment();
        return renderer.arrive(overdose, call, call.state().withMisses(0), List.of(renderer.safetyFirst(language)));
    }

    private String respond(Node node, Call call, String digits, boolean spoken, Outcome outcome) {
        var language = call.state().language();
        if (outcome instanceof Outcome.Go go) {
            events.record(call.sid(), node.id(), digits, go.node().id(), language, spoken ? "spoken" : "chosen", null);
            return renderer.arrive(go.node(), call, go.state(), List.of());
        }
        if (outcome instanceof Outcome.Greet greet) {
            events.record(call.sid(), node.id(), digits, CallFlow.MAIN, greet.language(), "language", null);
            return renderer.greet(call, greet.language());
        }
        String miss = digits == null || digits.isEmpty() ? "silence" : "invalid";
        if (outcome instanceof Outcome.Retry retry) {
            events.record(call.sid(), node.id(), digits, node.id(), language, miss, null);
            return renderer.retry(node, retry.state(), retry.leadIn());
        }
        Outcome.Escalate escalate = (Outcome.Escalate) outcome;
        if (UNREACHABLE.contains(node.id())) {
            events.record(call.sid(), node.id(), digits, null, language, miss, null);
            return renderer.goodbyeUnreachable(language);
        }
        events.record(call.sid(), node.id(), digits, CallFlow.QUEUE, language, miss, null);
        return renderer.arrive(escalate.queue(), call, escalate.state(), List.of(renderer.tooManyTries(language)));
    }
}
