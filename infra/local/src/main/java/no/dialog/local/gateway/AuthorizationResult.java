package no.dialog.local.gateway;

import java.util.List;
import java.util.Map;

/** What a {@link JwtAuthorizer} decided about one request. */
public sealed interface AuthorizationResult {

  /**
   * The token is valid: the function gets these claims and scopes in
   * {@code requestContext.authorizer.jwt}.
   *
   * @param claims the claims as HTTP API stringifies them (see {@link HttpApiClaims})
   * @param scopes from the {@code scope} or {@code scp} claim; null when the token has none, as in AWS
   */
  record Allowed(Map<String, String> claims, List<String> scopes) implements AuthorizationResult {}

  /**
   * The request is refused.
   *
   * @param status 401 for a missing or invalid token, 403 when the token lacks the route's scopes
   * @param reason why, in the words of HTTP API's {@code www-authenticate} header; safe to show (it
   *     never contains the token)
   */
  record Denied(int status, String reason) implements AuthorizationResult {

    static Denied unauthorized(String reason) {
      return new Denied(401, reason);
    }

    static Denied forbidden(String reason) {
      return new Denied(403, reason);
    }
  }
}
