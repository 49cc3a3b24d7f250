package org.helpline.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The two ways of loading a server. Closed loop: each connection sends its next request as soon as the last one
 * is answered, which finds the most the server can do. Open loop: requests are due at a fixed rate whatever the
 * server does, and each latency runs from when the request was due, not from when a connection was free to send
 * it, so a stall is charged to every request it delayed (no coordinated omission).
 */
final class LoadRun {

    private LoadRun() {
    }

    static Latencies closed(String name, int port, List<SignedCalls.Request> requests, int connections,
                            Duration length) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] micros = new long[requests.size()];
        java.util.Arrays.fill(micros, -1);
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + length.toNanos();
        for (int c = 0; c < connections; c++) {
            threads.add(started(() -> {
                HttpConnection connection = null;
                while (System.nanoTime() < deadline) {
                    int i = next.getAndIncrement();
                    if (i >= requests.size()) {
                        break;
                    }
                    long start = System.nanoTime();
                    connection = send(connection, port, requests.get(i), false, errors, firstError);
                    if (connection != null) {
                        micros[i] = (System.nanoTime() - start) / 1000;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        long started = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all = java.util.Arrays.stream(micros).filter(m -> m >= 0).toArray();
        if (next.get() >= requests.size()) {
            firstError.compareAndSet(null, "ran out of pre-built requests");
        }
        return Latencies.of(name, errors.get(), seconds, all, firstError.get());
    }

    static Latencies open(String name, int port, List<SignedCalls.Request> requests, int rate, int connections,
                          boolean checkBodies) throws InterruptedException {
        int total = requests.size();
        long[] micros = new long[total];
        long periodNanos = 1_000_000_000L / rate;
        BlockingQueue<Integer> due = new ArrayBlockingQueue<>(total);
        AtomicLong errors = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;

        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(started(() -> {
                HttpConnection connection = null;
                while (true) {
                    int i;
                    try {
                        i = due.take();
                    } catch (InterruptedException stop) {
                        break;
                    }
                    connection = send(connection, port, requests.get(i), checkBodies, errors, firstError);
                    micros[i] = (System.nanoTime() - (start + i * periodNanos)) / 1000;
                    done.incrementAndGet();
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }

        for (int i = 0; i < total; i++) {
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(i);
        }
        while (done.get() < total) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.forEach(Thread::interrupt);
        return Latencies.of(name, errors.get(), seconds, micros, firstError.get());
    }

    static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** One exchange; anything but a 200 (or, when checked, a body without the expected TwiML) is an error. */
    static void check(HttpConnection connection, SignedCalls.Request request, boolean checkBody) throws IOException {
        HttpConnection.Answer answer = connection.exchange(request.bytes(), checkBody);
        if (answer.status() != 200) {
            throw new IllegalStateException("HTTP " + answer.status());
        }
        if (checkBody && !answer.body().contains(request.expect())) {
            throw new IllegalStateException("answer without " + request.expect());
        }
    }

    /**
     * Sends one request on this connection (a new one if there is none) and checks the answer; on a failure counts
     * it, closes the connection and returns null, so the next request opens a fresh one.
     */
    private static HttpConnection send(HttpConnection connection, int port, SignedCalls.Request request,
                                       boolean checkBody, AtomicLong errors, AtomicReference<String> firstError) {
        HttpConnection open = connection;
        try {
            open = open == null ? new HttpConnection(port) : open;
            check(open, request, checkBody);
            return open;
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.toString());
            if (open != null) {
                open.close();
            }
            return null;
        }
    }
}
