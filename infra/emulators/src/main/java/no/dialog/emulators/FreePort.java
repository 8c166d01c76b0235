package no.dialog.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds a TCP port that is free right now, for servers that cannot be asked to bind to port 0. */
final class FreePort {

    private FreePort() {
    }

    /**
     * Returns a port the operating system just handed out. Another process may take it before the caller
     * binds it, so callers retry with a new port when binding fails.
     */
    static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        }
    }
}
