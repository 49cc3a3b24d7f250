package org.helpline.call;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import jakarta.inject.Singleton;
import org.helpline.advice.AdviceRules;
import org.helpline.directory.ResourceReading;
import org.helpline.event.CallEvents;
import org.helpline.flow.CallFlow;
import org.helpline.flow.Language;
import org.helpline.flow.Node;
import org.helpline.flow.Part;
import org.helpline.prompt.Speech;
import org.helpline.prompt.Utterance;
import org.helpline.queue.EnqueueTwiml;
import org.helpline.queue.QueuePolicy;
import org.helpline.queue.SpecialistRinger;
import org.helpline.sms.ResourceTexter;
import org.helpline.speech.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the TwiML for a node. Everything a menu says sits inside its {@code <Gather>}, so a key press (or a word)
 * cuts it short; the {@code <Redirect>} after it comes back to the same action with no input, which is silence.
 * <p>
 * A menu that says only prompts (and advice, which follows from the answers in the state) is the same for every
 * call in the same state, so its document is written once and kept (see {@link TwimlCache}). Menus that read
 * the directory, send a text or hand the call on are written afresh every time.
 */
@Singleton
class NodeRenderer {

    private static final int SECONDS_TO_CHOOSE = 6;
    private static final Map<QueuePolicy.Entry, String> ENTRY_DETAIL = Map.of(
        QueuePolicy.Entry.JOIN, "enqueued", QueuePolicy.Entry.CLOSED, "closed", QueuePolicy.Entry.BUSY, "busy");
    private static final Map<QueuePolicy.Entry, String> ENTRY_NEXT = Map.of(
        QueuePolicy.Entry.JOIN, CallFlow.QUEUE, QueuePolicy.Entry.CLOSED, CallFlow.QUEUE_CLOSED,
        QueuePolicy.Entry.BUSY, CallFlow.QUEUE_BUSY);

    private final Speech speech;
    private final PublicUrls urls;
    private final EnqueueTwiml queue;
    private final ResourceReading directory;
    private final ResourceTexter texter;
    private final CallFlow flow;
    private final Vocabulary vocabulary;
    private final QueuePolicy policy;
    private final SpecialistRinger ringer;
    private final CallEvents events;
    /**
     * At most about 5 MB: the nodes in every state callers reach in practice take a few hundred documents, but the
     * answers carried in the URL multiply the states.
     */
    private final TwimlCache<Fixed> fixed = new TwimlCache<>(2_000);

    /** What a fixed document depends on: which one it is, and the call's state that its URLs carry. */
    private record Fixed(String document, CallState state) {
    }

    NodeRenderer(Speech speech, PublicUrls urls, EnqueueTwiml queue, ResourceReading directory,
                 ResourceTexter texter, CallFlow flow, Vocabulary vocabulary, QueuePolicy policy,
                 SpecialistRinger ringer, CallEvents events) {
        this.speech = speech;
        this.urls = urls;
        this.queue = queue;
        this.directory = directory;
        this.texter = texter;
        this.flow = flow;
        this.vocabulary = vocabulary;
        this.policy = policy;
        this.ringer = ringer;
        this.events = events;
    }

    /** The greeting: welcome, the overdose safety line, the offer of Spanish (or English), then the main menu. */
    String greet(Call call, Language language) {
        return fixed.get(new Fixed("greet", CallState.start(language)), () -> {
            List<Utterance> greeting = new ArrayList<>();
            greeting.add(speech.prompt(language, "welcome"));
            greeting.add(speech.prompt(language, "safety"));
            // Each offer in the language it offers, so a caller who does not understand the rest understands it.
            greeting.add(language == Language.ES ? speech.prompt(Language.EN, "english-offer")
                : speech.prompt(Language.ES, "spanish-offer"));
            return build(flow.main(), call, CallState.start(language), greeting).toXml();
        });
    }

    /** Arriving at a node: its whole body, then its menu. */
    String arrive(Node node, Call call, CallState state, List<Utterance> leadIn) {
        if (leadIn.isEmpty() && isFixed(node)) {
            return fixed.get(new Fixed(node.id(), state), () -> build(node, call, state, leadIn).toXml());
        }
        if (node.isHandOff()) {
            return handOff(node, call, state, leadIn);
        }
        return build(node, call, state, leadIn).toXml();
    }

    /** A node that is not a hand-off: its body, then its menu. */
    private VoiceResponse build(Node node, Call call, CallState state, List<Utterance> leadIn) {
        List<Utterance> said = new ArrayList<>(leadIn);
        for (Part part : node.body()) {
            said.addAll(render(part, call, state.language(), state.answers()));
        }
        said.add(speech.prompt(state.language(), node.menu()));
        return menu(node, state, said);
    }

    /** Whether arriving at {@code node} with no lead-in is answered from memory, never waiting on the database. */
    boolean fromMemory(Node node) {
        return isFixed(node);
    }

    /** A node whose TwiML follows from the call's state alone: no database, no text sent, no hand-off. */
    private static boolean isFixed(Node node) {
        return !node.isHandOff()
            && node.body().stream().allMatch(part -> part instanceof Part.Prompt || part instanceof Part.Advice);
    }

    /**
     * The end of a call that cannot reach a person: three misses at a menu that already says specialists are
     * unavailable. Without it a silent caller would go round the closed menu for ever.
     */
    String goodbyeUnreachable(Language language) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        speech.prompt(language, "goodbye-closed").addTo(response);
        return response.hangup(new com.twilio.twiml.voice.Hangup.Builder().build()).build().toXml();
    }

    /** The greeting's line on what to do if someone may be overdosing: call 9 1 1, use naloxone. */
    Utterance safetyFirst(Language language) {
        return speech.prompt(language, "safety");
    }

    /** Said before the queue when the caller has not made a choice three times in a row. */
    Utterance tooManyTries(Language language) {
        return speech.prompt(language, "too-many-tries");
    }

    private String handOff(Node node, Call call, CallState state, List<Utterance> leadIn) {
        if (node.id().equals(CallFlow.CALLBACK)) {
            return Twiml.sayThenRedirect(leadIn, urls.voice("callback/offer", state.withMisses(0))).toXml();
        }
        QueuePolicy.Entry entry = node.id().equals(CallFlow.QUEUE) ? policy.entry() : QueuePolicy.Entry.JOIN;
        // Every visit to the queue is recorded with its outcome; a join's time is the enqueue time.
        events.record(call.sid(), CallFlow.QUEUE, null, ENTRY_NEXT.get(entry), state.language(),
            ENTRY_DETAIL.get(entry), null);
        // "Let me connect you" would contradict "we are closed": the lead-in is said only to callers who join.
        if (entry == QueuePolicy.Entry.CLOSED) {
            return build(flow.find(CallFlow.QUEUE_CLOSED).orElseThrow(), call, state, List.of()).toXml();
        }
        if (entry == QueuePolicy.Entry.BUSY) {
            return build(flow.find(CallFlow.QUEUE_BUSY).orElseThrow(), call, state, List.of()).toXml();
        }
        ringer.callerJoined(call.sid());
        return queue.enqueue(state.language(), leadIn);
    }

    /** After silence or a stray key: a short word, then only the menu again. */
    String retry(Node node, CallState state, String leadInPrompt) {
        Language language = state.language();
        return fixed.get(new Fixed(leadInPrompt + " " + node.id(), state), () -> menu(node, state,
            List.of(speech.prompt(language, leadInPrompt), speech.prompt(language, node.menu()))).toXml());
    }

    private VoiceResponse menu(Node node, CallState state, List<Utterance> said) {
        String action = urls.voice("menu/" + node.id() + "/key", state);
        Gather.Builder gather = new Gather.Builder()
            .action(action).method(HttpMethod.POST)
            .inputs(List.of(Gather.Input.DTMF, Gather.Input.SPEECH)).numDigits(1).finishOnKey("")
            .timeout(SECONDS_TO_CHOOSE)
            .language(state.language().gatherLanguage()).speechTimeout("auto")
            .hints(vocabulary.hints(state.language(), node));
        said.forEach(utterance -> utterance.addTo(gather));
        return Twiml.menu(gather, action);
    }

    private List<Utterance> render(Part part, Call call, Language language, String answers) {
        if (part instanceof Part.Prompt prompt) {
            return List.of(speech.prompt(language, prompt.promptId()));
        }
        if (part instanceof Part.Resources resources) {
            return directory.read(language, resources.category());
        }
        if (part instanceof Part.Advice) {
            return AdviceRules.compose(answers).stream().map(id -> speech.prompt(language, id)).toList();
        }
        String said = switch (texter.sendResources(call.params(), language)) {
            case SENDING -> "sms-sent";
            case ALREADY_SENT -> "sms-already-sent";
            case NOT_SENT -> "sms-unavailable";
        };
        return List.of(speech.prompt(language, said));
    }
}
