package org.helpline.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for Twilio's REST API on loopback (the app's {@code TWILIO_API_BASE_URL} points here), so the queue
 * figures the app reads every 10 s come from this machine and no request leaves it. Reports a short queue, so
 * every caller who asks for a specialist joins it.
 */
final class TwilioStub implements AutoCloseable {

    private static final String QUEUES = """
        {"queues": [{"sid": "QU00000000000000000000000000000001", "account_sid": "%s",
          "friendly_name": "specialists", "current_size": 3, "max_size": 100, "average_wait_time": 45,
          "date_created": "Tue, 01 Dec 2026 10:00:00 +0000", "date_updated": "Tue, 01 Dec 2026 10:00:00 +0000",
          "uri": "/2010-04-01/Accounts/%1$s/Queues/QU00000000000000000000000000000001.json"}],
         "first_page_uri": "/2010-04-01/Accounts/%1$s/Queues.json?PageSize=50&Page=0", "next_page_uri": null,
         "previous_page_uri": null, "page": 0, "page_size": 50, "start": 0, "end": 0,
         "uri": "/2010-04-01/Accounts/%1$s/Queues.json?PageSize=50&Page=0"}
        """;

    private final HttpServer server;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    TwilioStub(int port, String accountSid) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        byte[] queues = String.format(QUEUES, accountSid).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().endsWith("/Queues.json");
            if (!known) {
                unknown.incrementAndGet();
            }
            byte[] body = known ? queues : "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    long requests() {
        return requests.get();
    }

    long unknown() {
        return unknown.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
