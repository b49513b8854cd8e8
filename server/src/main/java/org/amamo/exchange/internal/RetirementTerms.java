package org.amamo.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.amamo.platform.Refusal;
import org.amamo.registry.RetirementOrder;

/**
 * A buyer's request that a contract's credits be retired on its behalf: the retirement's public disclosure, that is
 * who claims the offset ({@code beneficiary}), the purpose (one of the registry's retirement purposes), the emissions
 * it offsets, and an optional note.
 */
record RetirementTerms(String beneficiary, String purpose, String emissionsOffset, String note) {

    /** The most characters of the note (the registry's limit for a retirement's note). */
    static final int MAX_NOTE_LENGTH = 1_000;

    /** Everything wrong with the terms, each at its field, as the registry would refuse them at settlement. */
    List<Refusal> refusals(List<String> purposes) {
        List<Refusal> refusals = new ArrayList<>();
        text(beneficiary, "beneficiary", RetirementOrder.MAX_BENEFICIARY_LENGTH, true)
                .ifPresent(refusals::add);
        if (purpose == null || !purposes.contains(purpose)) {
            refusals.add(Refusal.of("purpose", "exchange.contract.retirement.purpose"));
        }
        text(emissionsOffset, "emissionsOffset", RetirementOrder.MAX_EMISSIONS_OFFSET_LENGTH, true)
                .ifPresent(refusals::add);
        text(note, "note", MAX_NOTE_LENGTH, false).ifPresent(refusals::add);
        return refusals;
    }

    /** The order the registry retires by. */
    RetirementOrder order() {
        return new RetirementOrder(beneficiary, purpose, emissionsOffset, null, note);
    }

    private static Optional<Refusal> text(String value, String field, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? Optional.of(Refusal.of(field, "exchange.required")) : Optional.empty();
        }
        if (value.strip().length() > maxLength) {
            return Optional.of(Refusal.of(field, "exchange.contract.retirement.too-long", maxLength));
        }
        // A control character (a NUL, say) is no part of a disclosure, and PostgreSQL would refuse to store it.
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        return control ? Optional.of(Refusal.of(field, "exchange.contract.retirement.control")) : Optional.empty();
    }
}
