package org.helpline.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Callers who are all in the queue at once, as Twilio would poll for them: each has its own connection, open for
 * the whole run, and asks the wait URL every few seconds with its growing QueueTime. The starts are spread over
 * the first interval, as real callers' would be. Latency runs from when each poll was due.
 */
final class WaitingCallers {

    /** What the run saw: latencies of every poll, polls refused at connect, and other failures. */
    record Outcome(Latencies latencies, long refused, int callers, int maxOpenConnections) {
    }

    private WaitingCallers() {
    }

    static Outcome run(int port, int callers, int pollSeconds, int polls) throws InterruptedException {
        List<List<byte[]>> requests = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            String sid = SignedCalls.newCallSid();
            List<byte[]> mine = new ArrayList<>();
            for (int poll = 0; poll < polls; poll++) {
                var params = SignedCalls.waitParams(1 + caller % 40, poll * pollSeconds);
                mine.add(SignedCalls.request(port, sid, new SignedCalls.Step("/voice/queue/wait?lang=en", params,
                    "<Pause"), SignedCalls.Server.HELPLINE));
            }
            requests.add(mine);
        }

        long interval = pollSeconds * 1_000_000_000L;
        long[] micros = new long[callers * polls];
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong open = new AtomicLong();
        AtomicLong maxOpen = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 200_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            int me = caller;
            long first = start + interval * caller / callers;
            threads.add(started(() -> {
                HttpConnection connection = null;
                for (int poll = 0; poll < polls; poll++) {
                    long due = first + poll * interval;
                    LockSupport.parkNanos(due - System.nanoTime());
                    try {
                        if (connection == null) {
                            connection = new HttpConnection(port);
                            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        }
                        LoadRun.check(connection, new SignedCalls.Request(requests.get(me).get(poll), "<Pause"),
                            poll == 0);
                    } catch (ConnectException e) {
                        refused.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                        if (connection != null) {
                            connection.close();
                            open.decrementAndGet();
                        }
                        connection = null;
                    }
                    micros[me * polls + poll] = (System.nanoTime() - due) / 1000;
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String name = String.format("%,d waiting callers", callers);
        Latencies latencies = Latencies.of(name, errors.get() + refused.get(), seconds, micros, firstError.get());
        return new Outcome(latencies, refused.get(), callers, (int) maxOpen.get());
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(null, work, "caller", 256 * 1024);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
