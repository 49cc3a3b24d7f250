package org.helpline.bench;

import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioSigner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Twilio's side of the benchmark, worked out before the clock starts: every request of every simulated call as the
 * exact bytes to send, signed for the public URL, so the load generator only replays them. Each call has its own
 * CallSid; the numbers are fictional 555-01xx ones.
 */
final class SignedCalls {

    static final String PUBLIC_BASE = "https://helpline.example.org";
    static final String AUTH_TOKEN = "bench-auth-token";
    static final String BASELINE_PATH = "/twiml";
    static final String FLOOR_PATH = "/checked";
    private static final String CALLER = "+13125550142";
    private static final AtomicLong NEXT_CALL = new AtomicLong();
    private static final long RUN = System.currentTimeMillis() & 0xffffffffL;

    /** One webhook of a call: the URL Twilio would POST to, what it adds, and a tag the TwiML must contain. */
    record Step(String path, Map<String, String> extra, String expect) {
    }

    /** A pre-built request, and what its answer must contain to count as the right TwiML. */
    record Request(byte[] bytes, String expect) {
    }

    /**
     * Who the requests are for. The baseline gets them signed for the helpline's URLs but sent to its one path, where
     * the signature is not read; the floor gets them signed for its own path, since it checks every signature.
     */
    enum Server {
        HELPLINE, BASELINE, FLOOR;

        String path(Step step) {
            return switch (this) {
                case HELPLINE -> step.path();
                case BASELINE -> BASELINE_PATH;
                case FLOOR -> FLOOR_PATH;
            };
        }

        String signedPath(Step step) {
            return this == FLOOR ? FLOOR_PATH : step.path();
        }
    }

    private SignedCalls() {
    }

    /**
     * The benchmark's call: greeting, the stage menu, the relapse guidance, key 0 into the queue, three wait-URL
     * polls, the queue's result (bridged) and the status callback.
     */
    static List<Step> walk() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("/voice/incoming", Map.of(), "<Gather"));
        steps.add(new Step("/voice/menu/main/key?lang=en&miss=0", Map.of("Digits", "1"), "<Gather"));
        steps.add(new Step("/voice/menu/stages/key?lang=en&miss=0", Map.of("Digits", "4"), "<Gather"));
        steps.add(new Step("/voice/menu/stage-relapse/key?lang=en&miss=0", Map.of("Digits", "0"), "<Enqueue"));
        for (int poll = 0; poll < 3; poll++) {
            steps.add(new Step("/voice/queue/wait?lang=en", waitParams(3 - poll, poll * 35), "<Pause"));
        }
        steps.add(new Step("/voice/queue/result?lang=en", Map.of("QueueResult", "bridged", "QueueTime", "95"),
            "<Hangup"));
        steps.add(new Step("/voice/status", Map.of("CallStatus", "completed", "CallDuration", "160"), "<Response"));
        return steps;
    }

    static Map<String, String> waitParams(int position, int queueTime) {
        return Map.of("QueuePosition", String.valueOf(position), "QueueTime", String.valueOf(queueTime),
            "AvgQueueTime", "45", "CurrentQueueSize", "3", "QueueSid", "QU00000000000000000000000000000001");
    }

    /** Whole calls, one after the other, {@code requests} requests in all, for {@code server}. */
    static List<Request> calls(int requests, int port, Server server) {
        List<Step> walk = walk();
        List<Request> out = new ArrayList<>(requests);
        while (out.size() < requests) {
            String sid = newCallSid();
            for (Step step : walk) {
                out.add(new Request(request(port, sid, step, server),
                    server == Server.HELPLINE ? step.expect() : "<Response"));
            }
        }
        return out.subList(0, requests);
    }

    static String newCallSid() {
        return String.format("CA%08x%024x", RUN, NEXT_CALL.incrementAndGet());
    }

    static byte[] request(int port, String sid, Step step, Server server) {
        Map<String, String> params = CallWalk.twilioParams(sid, CALLER);
        params.putAll(step.extra());
        String signature = TwilioSigner.sign(AUTH_TOKEN, PUBLIC_BASE + server.signedPath(step), params);
        byte[] body = FakeTwilio.form(params).getBytes(StandardCharsets.UTF_8);
        String head = "POST " + server.path(step) + " HTTP/1.1\r\n"
            + "Host: 127.0.0.1:" + port + "\r\n"
            + "User-Agent: TwilioProxy/1.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "X-Twilio-Signature: " + signature + "\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
