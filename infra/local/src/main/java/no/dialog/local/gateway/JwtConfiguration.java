package no.dialog.local.gateway;

import java.util.List;
import java.util.Objects;

/**
 * An HTTP API JWT authorizer's {@code JwtConfiguration} from {@code template.yaml}: who issues the
 * tokens and which audiences the API accepts.
 *
 * @param issuer the exact {@code iss} a token must carry, e.g. {@code https://auth.dialog.example/}
 * @param audience the accepted audiences; a token's {@code aud} (or, without {@code aud}, its
 *     {@code client_id}) must name at least one
 */
public record JwtConfiguration(String issuer, List<String> audience) {

  public JwtConfiguration {
    Objects.requireNonNull(issuer, "issuer");
    audience = List.copyOf(Objects.requireNonNull(audience, "audience"));
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("A JWT authorizer needs an issuer");
    }
    if (audience.isEmpty()) {
      throw new IllegalArgumentException("A JWT authorizer needs at least one audience");
    }
  }
}
