package no.dialog.local.gateway;

import no.dialog.local.clock.LocalClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthorizerTest {

  private static final JwtConfiguration CONFIG =
      new JwtConfiguration("https://auth.dialog.example/", List.of("dialog-admin"));
  private static final RSAKey KEY = DevSigningKey.generate();

  private final LocalClock clock = LocalClock.fixedAt(Instant.parse("2026-11-23T17:00:00Z"));
  private final DevTokenIssuer issuer = new DevTokenIssuer(KEY, CONFIG, clock);
  private final JwtAuthorizer authorizer = new JwtAuthorizer(CONFIG, issuer.publicKeys(), clock);

  @Test
  void acceptsAnIssuedTokenWithOrWithoutBearer() {
    String token = issuer.issue("kari", "demo", List.of("editor", "admin"));

    AuthorizationResult withBearer = authorizer.authorize(Map.of("authorization", "Bearer " + token));
    AuthorizationResult bare = authorizer.authorize(Map.of("authorization", token));

    assertThat(bare).isInstanceOf(AuthorizationResult.Allowed.class);
    assertThat(withBearer).isInstanceOfSatisfying(AuthorizationResult.Allowed.class, allowed -> {
      assertThat(allowed.claims())
          .containsEntry("sub", "kari")
          .containsEntry("tenant", "demo")
          .containsEntry("roles", "[editor admin]")
          .containsEntry("iss", "https://auth.dialog.example/")
          .containsEntry("aud", "dialog-admin")
          .containsEntry("iat", Long.toString(clock.instant().getEpochSecond()))
          .containsEntry("exp", Long.toString(clock.instant().plus(Duration.ofHours(12)).getEpochSecond()));
      assertThat(allowed.scopes()).isNull();
    });
  }

  @Test
  void advancingTheClockPastTwelveHoursExpiresTheToken() {
    String token = issuer.issue("kari", "demo", List.of("editor"));
    clock.advance(Duration.ofHours(12));

    assertThat(authorizer.authorize(Map.of("authorization", "Bearer " + token)))
        .isEqualTo(new AuthorizationResult.Denied(401, "the token has expired"));
  }

  @Test
  void refusesMissingGarbageAndForeignTokens() {
    assertThat(authorizer.authorize(Map.of())).isInstanceOf(AuthorizationResult.Denied.class);
    assertThat(authorizer.authorize(Map.of("authorization", "Bearer "))).isInstanceOf(AuthorizationResult.Denied.class);
    assertThat(authorizer.authorize(Map.of("authorization", "Bearer not.a.jwt")))
        .isEqualTo(new AuthorizationResult.Denied(401, "invalid token"));

    DevTokenIssuer stranger = DevTokenIssuer.inMemory(CONFIG, clock);
    assertThat(authorizer.authorize(Map.of("authorization", stranger.issue("kari", "demo", List.of()))))
        .isInstanceOf(AuthorizationResult.Denied.class);
  }

  @Test
  void refusesAWrongAudienceOrIssuer() {
    DevTokenIssuer otherAudience = new DevTokenIssuer(KEY, new JwtConfiguration(CONFIG.issuer(), List.of("other")), clock);
    DevTokenIssuer otherIssuer = new DevTokenIssuer(KEY, new JwtConfiguration("https://evil.example/", CONFIG.audience()), clock);

    assertThat(authorizer.authorize(Map.of("authorization", otherAudience.issue("kari", "demo", List.of()))))
        .isEqualTo(new AuthorizationResult.Denied(401, "the token does not have a valid audience"));
    assertThat(authorizer.authorize(Map.of("authorization", otherIssuer.issue("kari", "demo", List.of()))))
        .isEqualTo(new AuthorizationResult.Denied(401, "the token does not have a valid issuer"));
  }

  @Test
  void readsClientIdWhenThereIsNoAudienceAndChecksNotBeforeAndScopes() throws Exception {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(CONFIG.issuer())
        .claim("client_id", "dialog-admin")
        .claim("scope", "contacts/read contacts/write")
        .expirationTime(Date.from(now.plusSeconds(600)));
    String valid = sign(claims.build());
    String notYet = sign(claims.notBeforeTime(Date.from(now.plusSeconds(60))).build());

    assertThat(authorizer.authorize(Map.of("authorization", valid), List.of("contacts/write")))
        .isInstanceOfSatisfying(AuthorizationResult.Allowed.class,
            allowed -> assertThat(allowed.scopes()).containsExactly("contacts/read", "contacts/write"));
    assertThat(authorizer.authorize(Map.of("authorization", valid), List.of("journeys/admin")))
        .isEqualTo(new AuthorizationResult.Denied(403, "the token does not have a required scope"));
    assertThat(authorizer.authorize(Map.of("authorization", notYet)))
        .isEqualTo(new AuthorizationResult.Denied(401, "the token is not valid yet"));
  }

  @Test
  void refusesNonRsaAlgorithms() throws Exception {
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
        new JWTClaimsSet.Builder().issuer(CONFIG.issuer()).audience("dialog-admin")
            .expirationTime(Date.from(clock.instant().plusSeconds(60))).build());
    hmac.sign(new MACSigner(new byte[32]));

    assertThat(authorizer.authorize(Map.of("authorization", hmac.serialize())))
        .isEqualTo(new AuthorizationResult.Denied(401, "signing method HS256 is invalid"));
  }

  @Test
  void readsTheTokenFromTheConfiguredHeaderOnly() {
    assertThatThrownBy(() -> new JwtAuthorizer("$request.querystring.token", CONFIG, issuer.publicKeys(), clock))
        .hasMessageContaining("header");
    JwtAuthorizer custom = new JwtAuthorizer("$request.header.X-Staff-Token", CONFIG, issuer.publicKeys(), clock);
    assertThat(custom.authorize(Map.of("x-staff-token", issuer.issue("kari", "demo", List.of()))))
        .isInstanceOf(AuthorizationResult.Allowed.class);
  }

  @Test
  void aPersistedKeySurvivesARestart(@TempDir Path dataFolder) {
    DevTokenIssuer before = DevTokenIssuer.persistedIn(dataFolder, CONFIG, clock);
    String token = before.issue("kari", "demo", List.of("editor"));

    DevTokenIssuer after = DevTokenIssuer.persistedIn(dataFolder, CONFIG, clock);
    JwtAuthorizer restarted = new JwtAuthorizer(CONFIG, after.publicKeys(), clock);

    assertThat(restarted.authorize(Map.of("authorization", "Bearer " + token)))
        .isInstanceOf(AuthorizationResult.Allowed.class);
    assertThat(dataFolder.resolve(DevSigningKey.FILE_NAME)).exists();
  }

  @Test
  void theIssuerRefusesBadTenantsAndRoles() {
    assertThatThrownBy(() -> issuer.issue("kari", "Demo!", List.of())).hasMessageContaining("tenant");
    assertThatThrownBy(() -> issuer.issue("kari", "d", List.of())).hasMessageContaining("tenant");
    assertThatThrownBy(() -> issuer.issue("kari", "demo", List.of("Editor Admin"))).hasMessageContaining("role");
  }

  private static String sign(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }
}
