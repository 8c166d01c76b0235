package no.dialog.local.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The landing pages' template parameters on the local stack: links point at this gateway, and the
 * secrets are fixed development values (so links minted before a restart of a persistent stack still
 * open). Never use these anywhere else. The rate limits can be raised for load tests with the system
 * properties {@code dialog.landing.ratePerIp} and {@code dialog.landing.ratePerLink}.
 */
public final class LandingParameters {

    public static final String DEV_SECRET = Base64.getEncoder().encodeToString(
            "local-only landing link secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII));
    static final String DEV_ENCRYPTION_KEY = Base64.getEncoder().encodeToString(
            "local-only AES key, 32 bytes!!!!".getBytes(StandardCharsets.US_ASCII));

    private LandingParameters() {}

    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String base = gatewayBase.toString();
        parameters.put("PublicBaseUrl", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        parameters.put("LandingSecret", DEV_SECRET);
        parameters.put("LandingEncryptionKey", DEV_ENCRYPTION_KEY);
        parameters.put("LandingRatePerIp", System.getProperty("dialog.landing.ratePerIp", "300"));
        parameters.put("LandingRatePerLink", System.getProperty("dialog.landing.ratePerLink", "60"));
        return parameters;
    }
}
