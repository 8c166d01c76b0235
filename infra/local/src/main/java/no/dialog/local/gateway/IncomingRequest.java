package no.dialog.local.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the gateway, before HTTP API rules are applied.
 *
 * @param method upper-case method
 * @param uri the request target as sent (raw path and raw query)
 * @param protocol e.g. {@code HTTP/1.1}
 * @param headers names as the server gives them, one value per occurrence
 * @param body the body bytes (empty when none)
 * @param sourceIp the client's address
 * @param localPort the port the request arrived on
 */
record IncomingRequest(
    String method,
    URI uri,
    String protocol,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp,
    int localPort) {}
