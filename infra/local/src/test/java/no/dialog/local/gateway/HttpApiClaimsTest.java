package no.dialog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiClaimsTest {

  @Test
  void writesClaimsAsHttpApiDoes() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", "kari");
    claims.put("roles", List.of("editor", "admin"));
    claims.put("none", List.of());
    claims.put("exp", 1795000000L);
    claims.put("ratio", 1.5);
    claims.put("verified", true);
    claims.put("address", Map.of("zip", "0150", "city", "Oslo"));
    claims.put("gone", null);

    Map<String, String> strings = HttpApiClaims.stringify(claims);

    assertThat(strings).containsExactly(
        Map.entry("sub", "kari"),
        Map.entry("roles", "[editor admin]"),
        Map.entry("none", "[]"),
        Map.entry("exp", "1795000000"),
        Map.entry("ratio", "1.5"),
        Map.entry("verified", "true"),
        Map.entry("address", "map[city:Oslo zip:0150]"));
  }
}
