package org.helpline.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection that writes pre-built request bytes and reads the answer. Deliberately
 * minimal, so the load generator spends its core on sending and not on an HTTP library.
 */
final class HttpConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[8192];

    HttpConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    /** Sends one request and returns the status; the body is returned only when {@code keepBody} is set. */
    Answer exchange(byte[] request, boolean keepBody) throws IOException {
        out.write(request);
        out.flush();

        String status = readLine();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }

        byte[] body = chunked ? readChunks() : readExactly(Math.max(length, 0));
        return new Answer(code, keepBody ? new String(body, StandardCharsets.UTF_8) : null);
    }

    private byte[] readChunks() throws IOException {
        var all = new java.io.ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(readLine().split(";")[0].trim(), 16);
            if (size == 0) {
                readLine();
                return all.toByteArray();
            }
            all.write(readExactly(size));
            readLine();
        }
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = new byte[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                throw new EOFException("connection closed in a body");
            }
            read += n;
        }
        return body;
    }

    private String readLine() throws IOException {
        int size = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed");
            }
            if (b == '\n') {
                int end = size > 0 && line[size - 1] == '\r' ? size - 1 : size;
                return new String(line, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (size < line.length) {
                line[size++] = (byte) b;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a benchmark connection that already failed: nothing left to do with it.
        }
    }

    /** An HTTP answer: the status, and the body when asked for. */
    record Answer(int status, String body) {
    }
}
