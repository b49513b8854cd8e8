package org.amamo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.ui.ExtendedModelMap;

/** The confirmation step: a request acts only with the confirmation, and with the typed value when one is asked. */
class ConfirmationTest {

    @Test
    void aRequestWithoutTheConfirmationIsNotConfirmed() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/secretariat/market/rounds/1/close");
        assertThat(Confirmation.of("t", "/").givenBy(request)).isFalse();
        request.addParameter(Confirmation.PARAMETER, "1");
        assertThat(Confirmation.of("t", "/").givenBy(request)).isFalse();
        request.setParameter(Confirmation.PARAMETER, Confirmation.YES);
        assertThat(Confirmation.of("t", "/").givenBy(request)).isTrue();
    }

    @Test
    void theGravestActionsNeedTheTypedValue() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/secretariat/registry/issue");
        request.addParameter(Confirmation.PARAMETER, Confirmation.YES);
        Confirmation issue = Confirmation.of("t", "/").typing("12.5", "label");
        assertThat(issue.givenBy(request)).isFalse();
        request.addParameter(Confirmation.TYPED, "12.4");
        assertThat(issue.givenBy(request)).isFalse();
        request.setParameter(Confirmation.TYPED, "12.50");
        assertThat(issue.givenBy(request)).isTrue();
    }

    @Test
    void typedValuesAreComparedAsPeopleTypeThem() {
        assertThat(Confirmation.same("１２．５", "12.5")).isTrue();
        assertThat(Confirmation.same("1,000", "1000")).isTrue();
        assertThat(Confirmation.same(" jbc-0001-2024-1-000090-000100 ", "JBC-0001-2024-1-000090-000100"))
                .isTrue();
        assertThat(Confirmation.same("JBC-0001-2024-1-000090-000101", "JBC-0001-2024-1-000090-000100"))
                .isFalse();
        assertThat(Confirmation.same("", "")).isFalse();
        assertThat(Confirmation.same(null, "1")).isFalse();
        assertThat(Confirmation.same("9".repeat(201), "9".repeat(201))).isFalse();
    }

    @Test
    void thePageRepeatsTheRequestButNotItsTokenOrConfirmation() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/secretariat/registry/cancel");
        request.addParameter("serialRange", "JBC-0001-2024-1-000001-000010");
        request.addParameter("_csrf", "token");
        request.addParameter(Confirmation.PARAMETER, Confirmation.YES);
        request.addParameter(Confirmation.TYPED, "wrong");
        ExtendedModelMap model = new ExtendedModelMap();
        String view = Confirmation.of("confirm.cancel", "/secretariat/registry/cancel")
                .typing("JBC-0001-2024-1-000001-000010", "confirm.cancel.typed")
                .page(request, model);
        assertThat(view).isEqualTo("confirm");
        assertThat(model.get("confirmHidden").toString())
                .contains("serialRange")
                .doesNotContain("_csrf", "wrong");
        assertThat(model.get("confirmTypedWrong")).isEqualTo(true);
        assertThat(model.get("confirmAction")).isEqualTo("/secretariat/registry/cancel");
    }
}
