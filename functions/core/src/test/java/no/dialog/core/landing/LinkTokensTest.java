package no.dialog.core.landing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import no.dialog.core.enrolment.SendRequest;
import no.dialog.core.template.LandingLinks;
import no.dialog.core.tenant.Tenant;
import no.dialog.core.tenant.TenantId;
import no.dialog.core.testing.SettableClock;
import org.junit.jupiter.api.Test;

class LinkTokensTest {

    static final byte[] SECRET = "a test secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final SettableClock clock = new SettableClock(NOW);
    private final LinkTokens tokens = new LinkTokens(new LandingKeys(SECRET, 1, 1));
    private final MintedLinks links = new MintedLinks(tokens, store, "https://dlg.no", clock);
    private final LinkCheck check = new LinkCheck(tokens, store);
    private final Tenant school = new Tenant(TenantId.of("school"), "Studentforbundet", NOW);

    static SendRequest request(String tenant, String key) {
        return new SendRequest(tenant, tenant + ":" + key, "S-1", "E-1", "student", 1, "ask", "sms", null,
                "student-ask", "A", NOW);
    }

    private String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aLinkHasTheLengthPreviewsCountAndOpensItsBinding() {
        String link = links.mint(school, request("school", "e1:ask"), "en");
        assertThat(link).startsWith("https://dlg.no/p/").hasSize(LandingLinks.LENGTH);
        LinkCheck.Result result = check.check(token(link), NOW);
        assertThat(result.ok()).isTrue();
        assertThat(result.link().binding().contactId()).isEqualTo("S-1");
        assertThat(result.link().binding().language()).isEqualTo("en");
        assertThat(result.link().binding().expiresAt()).isEqualTo(NOW.plusSeconds(30L * 86400));
    }

    @Test
    void aRedeliveredSendGetsTheSameLinkAndAnotherSendAnotherOne() {
        String first = links.mint(school, request("school", "e1:ask"), "nb");
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(links.mint(school, request("school", "e1:ask"), "nb")).isEqualTo(first);
        assertThat(links.mint(school, request("school", "e2:ask"), "nb")).isNotEqualTo(first);
        assertThat(store.links).hasSize(2);
    }

    @Test
    void everyChangedCharacterMakesTheTokenUnknown() {
        String token = token(links.mint(school, request("school", "e1:ask"), "nb"));
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(check.check(tampered, NOW).ok()).as("changed at %d", i).isFalse();
        }
        assertThat(check.check("short", NOW).refusal()).isEqualTo(LinkCheck.Refusal.UNKNOWN);
        assertThat(check.check(null, NOW).refusal()).isEqualTo(LinkCheck.Refusal.UNKNOWN);
    }

    @Test
    void aBindingMovedToAnotherTenantOrPersonNoLongerMatchesItsToken() {
        String token = token(links.mint(school, request("school", "e1:ask"), "nb"));
        StoredLink stored = store.links.values().iterator().next();
        LinkBinding b = stored.binding();
        store.links.put(stored.linkId(), new StoredLink(stored.linkId(), 1, new LinkBinding(TenantId.of("other"),
                b.journeyId(), b.version(), b.stepId(), b.enrolmentId(), b.contactId(), b.language(), b.expiresAt()),
                Set.of(), null));
        assertThat(check.check(token, NOW).refusal()).isEqualTo(LinkCheck.Refusal.TAMPERED);
        store.links.put(stored.linkId(), new StoredLink(stored.linkId(), 1, new LinkBinding(b.tenant(),
                b.journeyId(), b.version(), b.stepId(), b.enrolmentId(), "S-2", b.language(), b.expiresAt()),
                Set.of(), null));
        assertThat(check.check(token, NOW).refusal()).isEqualTo(LinkCheck.Refusal.TAMPERED);
    }

    @Test
    void aTokenSignedWithAnotherTenantsKeyIsRefused() {
        String token = token(links.mint(school, request("school", "e1:ask"), "nb"));
        StoredLink stored = store.links.values().iterator().next();
        LinkBinding b = stored.binding();
        LinkBinding forOther = new LinkBinding(TenantId.of("other"), b.journeyId(), b.version(), b.stepId(),
                b.enrolmentId(), b.contactId(), b.language(), b.expiresAt());
        String otherToken = tokens.token(1, stored.linkId(), forOther);
        assertThat(otherToken).isNotEqualTo(token);
        assertThat(check.check(otherToken, NOW).refusal()).isEqualTo(LinkCheck.Refusal.TAMPERED);
    }

    @Test
    void aLinkExpiresAfterTheTenantsValidity() {
        Tenant week = new Tenant(school.id(), school.name(), NOW, java.util.Map.of("landing.validDays", "7"));
        String token = token(links.mint(week, request("school", "e1:ask"), "nb"));
        assertThat(check.check(token, NOW.plusSeconds(7 * 86400 - 1)).ok()).isTrue();
        LinkCheck.Result expired = check.check(token, NOW.plusSeconds(7 * 86400));
        assertThat(expired.refusal()).isEqualTo(LinkCheck.Refusal.EXPIRED);
        assertThat(expired.language()).isEqualTo("nb");
    }

    @Test
    void rotatingKeepsOldLinksWorkingUntilTheirVersionIsRetired() {
        String old = token(links.mint(school, request("school", "e1:ask"), "nb"));
        LinkTokens rotated = new LinkTokens(new LandingKeys(SECRET, 2, 1));
        assertThat(new LinkCheck(rotated, store).check(old, NOW).ok()).isTrue();
        String fresh = token(new MintedLinks(rotated, store, "https://dlg.no", clock)
                .mint(school, request("school", "e2:ask"), "nb"));
        assertThat(new LinkCheck(rotated, store).check(fresh, NOW).ok()).isTrue();
        LinkTokens retired = new LinkTokens(new LandingKeys(SECRET, 2, 2));
        assertThat(new LinkCheck(retired, store).check(old, NOW).refusal()).isEqualTo(LinkCheck.Refusal.UNKNOWN);
        assertThat(new LinkCheck(retired, store).check(fresh, NOW).ok()).isTrue();
    }

    @Test
    void anotherSecretOpensNothing() {
        String token = token(links.mint(school, request("school", "e1:ask"), "nb"));
        LinkTokens other = new LinkTokens(new LandingKeys("another secret, also thirty-two bytes long"
                .getBytes(StandardCharsets.US_ASCII), 1, 1));
        assertThat(new LinkCheck(other, store).check(token, NOW).refusal()).isEqualTo(LinkCheck.Refusal.TAMPERED);
    }
}
