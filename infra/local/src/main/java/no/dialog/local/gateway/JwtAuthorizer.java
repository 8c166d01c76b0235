package no.dialog.local.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks bearer tokens the way an HTTP API JWT authorizer does, against keys the local stack knows
 * (there is no JWKS endpoint to fetch from).
 *
 * <p>The order of checks follows AWS: take the token from the identity source (with or without
 * {@code Bearer }); decode it; check the algorithm (RSA only) and the signature with the key named by
 * {@code kid}; then the claims: {@code iss} must equal the configured issuer; {@code aud}, or
 * {@code client_id} when there is no {@code aud}, must name a configured audience; {@code exp} must
 * be present and after now; {@code nbf} and {@code iat}, when present, must not be after now. "Now"
 * comes from the clock given, so advancing the local clock expires tokens as time would. Finally,
 * when the route lists authorization scopes, the token's {@code scope}/{@code scp} must hold one of
 * them, or the request is refused with 403.
 *
 * <p>Safe for concurrent use. Tokens never appear in its results or logs.
 */
public final class JwtAuthorizer {

  /** The identity source of the template's authorizer, and HTTP API's default. */
  public static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

  private static final String HEADER_SOURCE_PREFIX = "$request.header.";
  private static final Set<JWSAlgorithm> RSA_ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  private final String identityHeader;
  private final JwtConfiguration configuration;
  private final Map<String, JWSVerifier> verifiersByKeyId;
  private final Clock clock;

  public JwtAuthorizer(JwtConfiguration configuration, JWKSet trustedKeys, Clock clock) {
    this(DEFAULT_IDENTITY_SOURCE, configuration, trustedKeys, clock);
  }

  /**
   * @param identitySource where the token is, e.g. {@code $request.header.Authorization}; only header
   *     sources are supported
   * @param trustedKeys the public keys whose signatures are accepted; each needs a key id
   */
  public JwtAuthorizer(String identitySource, JwtConfiguration configuration, JWKSet trustedKeys, Clock clock) {
    this.identityHeader = headerName(identitySource);
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.verifiersByKeyId = verifiers(trustedKeys);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Authorizes a request to a route that requires no scopes. */
  public AuthorizationResult authorize(Map<String, String> lowerCaseHeaders) {
    return authorize(lowerCaseHeaders, List.of());
  }

  /**
   * @param lowerCaseHeaders the request headers, names lower-cased, repeated values comma-joined
   * @param requiredScopes the route's {@code AuthorizationScopes}; empty when it has none
   */
  public AuthorizationResult authorize(Map<String, String> lowerCaseHeaders, List<String> requiredScopes) {
    String token = bearerToken(lowerCaseHeaders.get(identityHeader));
    if (token == null) {
      return AuthorizationResult.Denied.unauthorized("no token in the " + identityHeader + " header");
    }
    SignedJWT jwt;
    Map<String, Object> claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getPayload().toJSONObject();
    } catch (ParseException e) {
      return AuthorizationResult.Denied.unauthorized("invalid token");
    }
    if (claims == null) {
      return AuthorizationResult.Denied.unauthorized("invalid token");
    }
    AuthorizationResult.Denied signatureProblem = checkSignature(jwt);
    if (signatureProblem != null) {
      return signatureProblem;
    }
    AuthorizationResult.Denied claimProblem = checkClaims(claims);
    if (claimProblem != null) {
      return claimProblem;
    }
    List<String> scopes = scopes(claims);
    if (!requiredScopes.isEmpty() && (scopes == null || requiredScopes.stream().noneMatch(scopes::contains))) {
      return AuthorizationResult.Denied.forbidden("the token does not have a required scope");
    }
    return new AuthorizationResult.Allowed(HttpApiClaims.stringify(claims), scopes);
  }

  private AuthorizationResult.Denied checkSignature(SignedJWT jwt) {
    JWSAlgorithm algorithm = jwt.getHeader().getAlgorithm();
    if (!RSA_ALGORITHMS.contains(algorithm)) {
      return AuthorizationResult.Denied.unauthorized("signing method " + algorithm + " is invalid");
    }
    String keyId = jwt.getHeader().getKeyID();
    JWSVerifier verifier = keyId == null ? null : verifiersByKeyId.get(keyId);
    if (verifier == null) {
      return AuthorizationResult.Denied.unauthorized("the token's kid does not name a known signing key");
    }
    try {
      if (!jwt.verify(verifier)) {
        return AuthorizationResult.Denied.unauthorized("signature is invalid");
      }
    } catch (JOSEException | IllegalStateException e) {
      return AuthorizationResult.Denied.unauthorized("signature is invalid");
    }
    return null;
  }

  private AuthorizationResult.Denied checkClaims(Map<String, Object> claims) {
    if (!configuration.issuer().equals(claims.get("iss"))) {
      return AuthorizationResult.Denied.unauthorized("the token does not have a valid issuer");
    }
    if (!hasValidAudience(claims)) {
      return AuthorizationResult.Denied.unauthorized("the token does not have a valid audience");
    }
    Instant now = clock.instant();
    Instant expires = epochSeconds(claims.get("exp"));
    if (expires == null) {
      return AuthorizationResult.Denied.unauthorized("the token has no expiry");
    }
    if (!expires.isAfter(now)) {
      return AuthorizationResult.Denied.unauthorized("the token has expired");
    }
    Instant notBefore = epochSeconds(claims.get("nbf"));
    if (notBefore != null && notBefore.isAfter(now)) {
      return AuthorizationResult.Denied.unauthorized("the token is not valid yet");
    }
    Instant issuedAt = epochSeconds(claims.get("iat"));
    if (issuedAt != null && issuedAt.isAfter(now)) {
      return AuthorizationResult.Denied.unauthorized("the token was issued in the future");
    }
    return null;
  }

  // AWS reads client_id only when the token has no aud.
  private boolean hasValidAudience(Map<String, Object> claims) {
    Object audience = claims.containsKey("aud") ? claims.get("aud") : claims.get("client_id");
    return stringValues(audience).stream().anyMatch(configuration.audience()::contains);
  }

  private static List<String> scopes(Map<String, Object> claims) {
    Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
    List<String> scopes = new ArrayList<>();
    for (String value : stringValues(scope)) {
      Arrays.stream(value.split(" ")).filter(s -> !s.isEmpty()).forEach(scopes::add);
    }
    return scopes.isEmpty() ? null : List.copyOf(scopes);
  }

  private static List<String> stringValues(Object claim) {
    if (claim instanceof String text) {
      return List.of(text);
    }
    if (claim instanceof Collection<?> items) {
      List<String> values = new ArrayList<>();
      items.stream().filter(String.class::isInstance).map(String.class::cast).forEach(values::add);
      return values;
    }
    return List.of();
  }

  private static Instant epochSeconds(Object claim) {
    return claim instanceof Number seconds ? Instant.ofEpochSecond(seconds.longValue()) : null;
  }

  private static String bearerToken(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    String value = headerValue.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      value = value.substring(7).trim();
    }
    return value.isEmpty() ? null : value;
  }

  private static String headerName(String identitySource) {
    Objects.requireNonNull(identitySource, "identitySource");
    if (!identitySource.startsWith(HEADER_SOURCE_PREFIX) || identitySource.length() == HEADER_SOURCE_PREFIX.length()) {
      throw new IllegalArgumentException("Only header identity sources ($request.header.<Name>) are supported "
          + "by the local JWT authorizer, not " + identitySource);
    }
    return identitySource.substring(HEADER_SOURCE_PREFIX.length()).toLowerCase(Locale.ROOT);
  }

  private static Map<String, JWSVerifier> verifiers(JWKSet trustedKeys) {
    Map<String, JWSVerifier> verifiers = new HashMap<>();
    for (JWK key : Objects.requireNonNull(trustedKeys, "trustedKeys").getKeys()) {
      if (!(key instanceof RSAKey rsaKey) || key.getKeyID() == null) {
        throw new IllegalArgumentException("Trusted keys must be RSA keys with a key id (kid)");
      }
      try {
        verifiers.put(key.getKeyID(), new RSASSAVerifier(rsaKey.toPublicJWK()));
      } catch (JOSEException e) {
        throw new IllegalArgumentException("Unusable RSA key " + key.getKeyID(), e);
      }
    }
    if (verifiers.isEmpty()) {
      throw new IllegalArgumentException("A JWT authorizer needs at least one trusted key");
    }
    return Map.copyOf(verifiers);
  }
}
