package org.helpline.cluster;

import org.helpline.event.CallEvent;
import org.helpline.event.CallEventRepository;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwilioSigner;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.helpline.support.Scripts.en;

/**
 * A deploy stops an instance while Twilio is still talking to it: the request it has begun is answered before the
 * server closes, and the step it recorded is saved, so a restart costs no caller a greeting and the figures no call.
 */
class GracefulShutdownTest {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    @Test
    void whenAnInstanceStopsMidRequestThenTheCallerIsStillAnsweredAndTheStepIsSaved() throws Exception {
        try (TwoInstances instances = new TwoInstances()) {
            int port = instances.firstPort();
            String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
            var params = CallWalk.twilioParams(sid, CallWalk.CALLER);
            byte[] body = FakeTwilio.form(params).getBytes(StandardCharsets.UTF_8);
            String signature = TwilioSigner.sign(FakeTwilio.AUTH_TOKEN, FakeTwilio.PUBLIC_BASE + "/voice/incoming",
                params);

            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(15_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /voice/incoming HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "X-Twilio-Signature: " + signature + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(300);

                // The stop begins while the request is half sent, as when a deploy lands mid-webhook.
                CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> instances.first().close());
                Thread.sleep(500);
                assertThat(stopping).isNotDone();
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();

                String answer = readResponse(socket.getInputStream());
                stopping.get();

                assertThat(answer).startsWith("HTTP/1.1 200");
                TwimlDoc greeting = new TwimlDoc(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(greeting.saidInGather()).startsWith(en("welcome"), en("safety"));
                assertThat(greeting.gatherAction()).isNotNull();
            }

            CallEventRepository survivor = instances.second().getBean(CallEventRepository.class);
            List<CallEvent> saved = await().atMost(Duration.ofSeconds(5))
                .until(() -> survivor.findByCallSidOrderByOccurredAt(sid), events -> !events.isEmpty());
            assertThat(saved).extracting(CallEvent::detail).containsExactly("call-start");
        }
    }

    /** One HTTP/1.1 response with a Content-Length body, as text. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            String sofar = read.toString(StandardCharsets.UTF_8);
            int headEnd = sofar.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                Matcher length = CONTENT_LENGTH.matcher(sofar.substring(0, headEnd));
                if (length.find() && read.size() - headEnd - 4 >= Integer.parseInt(length.group(1))) {
                    return sofar;
                }
            }
            int count = in.read(chunk);
            if (count < 0) {
                return sofar;
            }
            read.write(chunk, 0, count);
        }
    }
}
