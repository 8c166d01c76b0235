package no.dialog.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues the signed staff tokens the local stack hands out at {@code GET /local/token}: what the
 * admin UI's identity provider issues in production, so the admin API sees the same claims.
 *
 * <p>Each token is RS256-signed and carries {@code iss} and {@code aud} from the authorizer's
 * {@link JwtConfiguration}, {@code sub}, {@code tenant}, {@code roles} (a JSON list), {@code iat},
 * {@code exp} (12 hours later) and a {@code jti}. Times come from the clock given, so tokens follow
 * the local stack's advanceable clock just as the {@link JwtAuthorizer} does.
 */
public final class DevTokenIssuer {

  /** How long a dev token is valid. */
  public static final Duration LIFETIME = Duration.ofHours(12);

  /** The tenant naming rule of the product: part of every key and file path. */
  public static final Pattern TENANT = Pattern.compile("[a-z0-9-]{2,32}");

  private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9@._+-]{1,128}");

  private final RSAKey signingKey;
  private final JWSSigner signer;
  private final JwtConfiguration configuration;
  private final Clock clock;

  public DevTokenIssuer(RSAKey signingKey, JwtConfiguration configuration, Clock clock) {
    this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.clock = Objects.requireNonNull(clock, "clock");
    try {
      this.signer = new RSASSASigner(signingKey);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("The signing key has no usable private part", e);
    }
  }

  /** An issuer with a key kept in the data folder, so its tokens survive a restart. */
  public static DevTokenIssuer persistedIn(Path dataFolder, JwtConfiguration configuration, Clock clock) {
    return new DevTokenIssuer(DevSigningKey.loadOrCreate(dataFolder), configuration, clock);
  }

  /** An issuer with a key that lives as long as this process (tests, throw-away runs). */
  public static DevTokenIssuer inMemory(JwtConfiguration configuration, Clock clock) {
    return new DevTokenIssuer(DevSigningKey.generate(), configuration, clock);
  }

  /**
   * Issues a token.
   *
   * @param subject the {@code sub}: letters, digits and {@code @._+-}
   * @param tenant must match {@code [a-z0-9-]{2,32}}
   * @param roles each a lower-case name such as {@code editor}; may be empty
   * @throws IllegalArgumentException with a reason fit to show the caller when an input breaks a rule
   */
  public String issue(String subject, String tenant, List<String> roles) {
    requireMatch(SUBJECT, subject, "sub");
    requireMatch(TENANT, tenant, "tenant");
    for (String role : roles) {
      requireMatch(ROLE, role, "role");
    }
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(configuration.issuer())
        .audience(configuration.audience())
        .subject(subject)
        .claim("tenant", tenant)
        .claim("roles", List.copyOf(roles))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .build();
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
        .keyID(signingKey.getKeyID())
        .type(JOSEObjectType.JWT)
        .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a dev token", e);
    }
    return jwt.serialize();
  }

  /** The public half of the signing key, for the {@link JwtAuthorizer}. */
  public JWKSet publicKeys() {
    return new JWKSet(signingKey.toPublicJWK());
  }

  public JwtConfiguration configuration() {
    return configuration;
  }

  private static void requireMatch(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match " + pattern.pattern()
          + (value == null ? ", but is missing" : ""));
    }
  }
}
