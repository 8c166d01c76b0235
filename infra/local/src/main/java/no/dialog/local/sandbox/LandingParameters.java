package no.dialog.local.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The landing pages' template parameters on the local stack: links point at this gateway. The link key is a
 * fixed development value ({@link #DEV_SECRET}, put in the local Secrets Manager endpoint by
 * {@link LocalDevSecrets}, so the landing benchmark can mint links); never use it anywhere else. The rate limits can be raised for load tests with the system
 * properties {@code dialog.landing.ratePerIp} and {@code dialog.landing.ratePerLink}.
 */
public final class LandingParameters {

    public static final String DEV_SECRET = Base64.getEncoder().encodeToString(
            "local-only landing link secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII));

    private LandingParameters() {}

    public static Map<String, String> templateParameters(URI gatewayBase) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String base = gatewayBase.toString();
        parameters.put("PublicBaseUrl", base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        parameters.put("LandingRatePerIp", System.getProperty("dialog.landing.ratePerIp", "300"));
        parameters.put("LandingRatePerLink", System.getProperty("dialog.landing.ratePerLink", "60"));
        return parameters;
    }
}
