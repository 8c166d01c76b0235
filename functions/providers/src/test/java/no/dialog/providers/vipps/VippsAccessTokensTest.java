package no.dialog.providers.vipps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.dialog.core.payment.vipps.VippsCredentials;
import no.dialog.core.payment.vipps.VippsException;
import no.dialog.providers.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The token cache on its own, with a counting fetcher and a clock the test moves. */
class VippsAccessTokensTest {

    private static final Instant START = Instant.parse("2026-01-10T12:00:00Z");
    private static final VippsCredentials ONE = new VippsCredentials("client-1", "secret-1", "sub-1", "123456");
    private static final VippsCredentials OTHER_MSN = new VippsCredentials("client-1", "secret-1", "sub-1", "654321");

    private final TestClock clock = new TestClock(START);
    private final AtomicInteger fetches = new AtomicInteger();
    private Duration lifetime = Duration.ofHours(1);

    private VippsAccessTokens.AccessToken fetch(VippsCredentials credentials) {
        int n = fetches.incrementAndGet();
        return new VippsAccessTokens.AccessToken("token-" + credentials.merchantSerialNumber() + "-" + n,
                clock.instant().plus(lifetime));
    }

    private final VippsAccessTokens tokens = new VippsAccessTokens(this::fetch, clock);

    @Test
    void keepsTheTokenUntilShortlyBeforeItExpires() {
        assertThat(tokens.token(ONE)).isEqualTo("token-123456-1");
        clock.advance(Duration.ofMinutes(57));
        assertThat(tokens.token(ONE)).isEqualTo("token-123456-1");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(1)); // 58 min: two minutes before expiry
        assertThat(tokens.token(ONE)).isEqualTo("token-123456-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aShortLivedTokenIsKeptForHalfItsLife() {
        lifetime = Duration.ofMinutes(2);
        tokens.token(ONE);
        clock.advance(Duration.ofSeconds(59));
        tokens.token(ONE);
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofSeconds(1));
        tokens.token(ONE);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void eachClientAndMerchantSerialNumberHasItsOwnToken() {
        assertThat(tokens.token(ONE)).isEqualTo("token-123456-1");
        assertThat(tokens.token(OTHER_MSN)).isEqualTo("token-654321-2");
        assertThat(tokens.token(ONE)).isEqualTo("token-123456-1");
    }

    @Test
    void forgettingTheRefusedTokenFetchesANewOneButANewerTokenStays() {
        String first = tokens.token(ONE);
        tokens.forget(ONE, first);
        String second = tokens.token(ONE);
        assertThat(second).isEqualTo("token-123456-2");

        tokens.forget(ONE, first); // a late 401 for the old token must not drop the new one
        assertThat(tokens.token(ONE)).isEqualTo(second);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFetchIsNotCached() {
        VippsAccessTokens failingOnce = new VippsAccessTokens(credentials -> {
            if (fetches.incrementAndGet() == 1) {
                throw new VippsException("Vipps answered HTTP 503 while getting an access token", 503, true, null);
            }
            return new VippsAccessTokens.AccessToken("token-ok", clock.instant().plus(lifetime));
        }, clock);

        assertThatThrownBy(() -> failingOnce.token(ONE)).isInstanceOf(VippsException.class);
        assertThat(failingOnce.token(ONE)).isEqualTo("token-ok");
    }

    @Test
    void manyThreadsAskingAtOnceCauseOneFetch() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        VippsAccessTokens slow = new VippsAccessTokens(credentials -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(50); // the others arrive while this fetch is under way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new VippsAccessTokens.AccessToken("shared", clock.instant().plus(lifetime));
        }, clock);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return slow.token(ONE);
                }));
            }
            go.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void theTokenIsNotInToString() {
        assertThat(new VippsAccessTokens.AccessToken("secret-token", START).toString()).doesNotContain("secret-token");
    }
}
