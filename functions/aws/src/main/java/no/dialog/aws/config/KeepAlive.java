package no.dialog.aws.config;

/**
 * The JDK's HTTP keep-alive cache, which is where HttpURLConnection (the SDK's url-connection-client) keeps
 * idle connections for reuse. Its size per host is the system property {@code http.maxConnections}, read once
 * when the JDK first opens an HTTP connection; so it is set here, before any SDK client is built.
 */
final class KeepAlive {

    private static final String MAX_IDLE_PER_HOST = "http.maxConnections";

    private KeepAlive() {}

    /** Sets the cache size unless someone chose one already (a {@code -D} on the command line wins). */
    static void keepIdleConnectionsPerHost(int connections) {
        if (System.getProperty(MAX_IDLE_PER_HOST) == null) {
            System.setProperty(MAX_IDLE_PER_HOST, Integer.toString(connections));
        }
    }
}
