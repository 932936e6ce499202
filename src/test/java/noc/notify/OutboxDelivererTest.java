package noc.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lease of a delivery's claim outlasts the longest send, whether configured or by default. */
class OutboxDelivererTest {

    @ParameterizedTest(name = "configured {0}, longest send {1}: {2}")
    @CsvSource(nullValues = "none", value = {
            "none, PT15S, PT2M",   // webhooks, email off
            "none, PT1M, PT2M",    // email with its 10 s timeout
            "none, PT6M, PT12M",   // email with a 60 s timeout: twice the longest send
            "PT5M, PT1M, PT5M",
            "PT61S, PT1M, PT61S"})
    void theLeaseIsTheConfiguredOneOrByDefaultTwoMinutesOrTwiceTheLongestSend(Duration configured, Duration longest,
                                                                               Duration lease) {
        assertThat(OutboxDeliverer.lease(configured, longest)).isEqualTo(lease);
    }

    @ParameterizedTest
    @CsvSource({"PT1M, PT1M", "PT30S, PT1M"})
    void aConfiguredLeaseThatASendMayOutlastStopsTheStartNamingTheKey(Duration configured, Duration longest) {
        assertThatThrownBy(() -> OutboxDeliverer.lease(configured, longest))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noc.notify.claim-lease")
                .hasMessageContaining("60 s");
    }
}
