package sa.tenhal.integrations.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** The places of a bulkhead: taken by calls in flight, given back however a call ends, never more than its size. */
class BulkheadTests {

    @Test
    void aCallBeyondThePlacesFailsAsAnUnansweredCallAndTheNextOneAfterAnAnswerGoesThrough() throws Exception {
        Bulkhead bulkhead = new Bulkhead("Partner", 2);
        CountDownLatch answer = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bulkhead.call(() -> held(answer)));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> bulkhead.call(() -> held(answer)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(bulkhead.inFlight()).isEqualTo(2));

        assertThatThrownBy(() -> bulkhead.call(() -> "third"))
                .isInstanceOf(ResourceAccessException.class)
                .hasMessageContaining("Partner: 2 calls")
                .satisfies(e -> assertThat(Outbound.transient_(e)).isTrue());

        answer.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(bulkhead.call(() -> "fourth")).isEqualTo("fourth");
        assertThat(bulkhead.inFlight()).isZero();
    }

    @Test
    void aCallThatFailsGivesItsPlaceBack() {
        Bulkhead bulkhead = new Bulkhead("Partner", 1);

        assertThatThrownBy(() -> bulkhead.call(() -> {
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");

        assertThat(bulkhead.inFlight()).isZero();
        assertThat(bulkhead.call(() -> "next")).isEqualTo("next");
    }

    @Test
    void aBulkheadWithoutPlacesIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new Bulkhead("NPHIES", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NPHIES");
    }

    private static String held(CountDownLatch answer) {
        try {
            answer.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "answered";
    }
}
