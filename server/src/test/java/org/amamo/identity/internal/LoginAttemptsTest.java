package org.amamo.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final LoginAttempts attempts = new LoginAttempts(null, Clock.systemUTC(), 5, 30, 60);

    @Test
    void eachFailurePastTheFreeOnesDoublesTheWaitUpToTheLongest() {
        assertThat(attempts.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(attempts.delay(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(attempts.delay(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(attempts.delay(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(attempts.delay(8)).isEqualTo(Duration.ofMinutes(60));
        assertThat(attempts.delay(1000)).isEqualTo(Duration.ofMinutes(60));
    }
}
