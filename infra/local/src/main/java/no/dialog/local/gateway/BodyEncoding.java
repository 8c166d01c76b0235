package no.dialog.local.gateway;

import java.util.Locale;

/**
 * Whether HTTP API passes a request body as text or base64-encodes it ({@code isBase64Encoded}).
 *
 * <p>HTTP API has no binary media type setting; measured against AWS, it passes the body as text only
 * for {@code text/*}, {@code application/json}, {@code application/xml} and
 * {@code application/javascript}. Everything else is base64-encoded, including a request without a
 * {@code Content-Type} and, which surprises people, HTML form posts
 * ({@code application/x-www-form-urlencoded}): a landing page handler must decode those.
 */
final class BodyEncoding {

  private BodyEncoding() {}

  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    return mediaType.startsWith("text/")
        || mediaType.equals("application/json")
        || mediaType.equals("application/xml")
        || mediaType.equals("application/javascript");
  }
}
