package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OutcomeTest {

    @Test
    void a_done_outcome_gives_its_value() {
        Outcome<String> done = Outcome.done("JBC-2025-0001-01");

        assertThat(done.isDone()).isTrue();
        assertThat(done.orThrow()).isEqualTo("JBC-2025-0001-01");
    }

    @Test
    void a_refusal_is_thrown_for_the_api_with_the_status_of_its_kind() {
        Outcome<String> refused =
                Outcome.refused(RefusalKind.CONFLICT, Refusal.of("creditUnits", "registry.insufficient", 5));

        assertThatThrownBy(refused::orThrow).isInstanceOfSatisfying(RefusedException.class, thrown -> {
            assertThat(thrown.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(thrown.refusals()).extracting(Refusal::field).containsExactly("creditUnits");
        });
    }

    @Test
    void a_refusal_needs_a_reason_and_a_done_outcome_has_none() {
        assertThatThrownBy(() -> Outcome.refused(RefusalKind.INVALID, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Outcome<>("x", null, List.of(Refusal.of("$", "k"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_refusals_is_done_and_some_are_invalid_input() {
        assertThat(Outcome.invalidUnlessEmpty(List.of()).isDone()).isTrue();
        assertThat(Outcome.invalidUnlessEmpty(List.of(Refusal.of("name", "validation.required")))
                        .kind())
                .isEqualTo(RefusalKind.INVALID);
    }
}
