package org.hybridta.yahoo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tiny HTTP proxy for tests: it records the request line (and any {@code Proxy-Authorization}) of every request
 * that reaches it, answers a plain {@code GET} itself with a scripted body, as a forwarding proxy would pass on the
 * server's answer, and refuses {@code CONNECT} (the tunnel of an https request) with 403.
 */
final class FakeProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String body;
    private volatile boolean requireAuth;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    private FakeProxy(String body) throws IOException {
        this.body = body;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-proxy");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy that answers every GET with {@code body} (JSON). */
    static FakeProxy start(String body) throws IOException { return new FakeProxy(body); }

    int port() { return server.getLocalPort(); }

    /** Answers a request without {@code Proxy-Authorization} with 407, asking for Basic credentials. */
    FakeProxy requireAuth() {
        requireAuth = true;
        return this;
    }

    /** The request lines seen, e.g. {@code GET http://yahoo.test/v8/finance/chart/AAPL?… HTTP/1.1}. */
    List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The {@code Proxy-Authorization} headers seen. */
    List<String> authorizations() {
        synchronized (authorizations) {
            return List.copyOf(authorizations);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                String head = readHead(s.getInputStream());
                String[] lines = head.split("\r\n");
                requests.add(lines[0]);
                boolean authorized = false;
                for (String l : lines) {
                    if (l.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                        authorizations.add(l.substring(20).strip());
                        authorized = true;
                    }
                }
                OutputStream out = s.getOutputStream();
                if (requireAuth && !authorized) {
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                } else if (lines[0].startsWith("CONNECT ")) {
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + b.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                }
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) break;
        }
        return b.toString();
    }

    @Override public void close() throws IOException {
        server.close();
    }
}
