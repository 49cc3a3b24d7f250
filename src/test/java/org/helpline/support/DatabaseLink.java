package org.helpline.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network between the service and its database, as a TCP relay on loopback that a test can cut and restore.
 * Cut, the database is unreachable exactly as when its server stops: open connections drop and new ones are
 * refused. Works the same in front of H2's TCP server and PostgreSQL.
 */
public final class DatabaseLink implements AutoCloseable {

    private final String host;
    private final int databasePort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final int port;
    private volatile ServerSocket listener;

    public DatabaseLink(String host, int databasePort) {
        this.host = host;
        this.databasePort = databasePort;
        this.port = listen(0);
    }

    /** The port the service connects to instead of the database's. */
    public int port() {
        return port;
    }

    /** Drops every connection and refuses new ones. */
    public synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        open.forEach(DatabaseLink::closeQuietly);
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() {
        if (listener == null) {
            listen(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private int listen(int wanted) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            listener = socket;
            Thread accepting = new Thread(() -> accept(socket), "database-link");
            accepting.setDaemon(true);
            accepting.start();
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(host, databasePort);
                open.add(client);
                open.add(server);
                relay(client, server);
                relay(server, client);
            } catch (IOException e) {
                // Cut: the listener is closed and the loop ends.
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread copying = new Thread(() -> {
            byte[] chunk = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    out.write(chunk, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed; close the other so neither end waits for ever.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-link-relay");
        copying.setDaemon(true);
        copying.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
