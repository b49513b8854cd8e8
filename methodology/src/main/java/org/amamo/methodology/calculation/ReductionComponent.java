package org.amamo.methodology.calculation;

import java.util.List;
import org.amamo.methodology.CreditType;

/**
 * A component of a reduction sheet (methodology.md section 7): emissions the baseline would have caused
 * minus the project's emissions in one crediting year, times one {@code certainty} factor. Certainty
 * discounts a reduction only: an increase (project above baseline) counts in full, so that a lower
 * certainty never raises the credit.
 */
public sealed interface ReductionComponent extends Component
        permits FuelSwitchComponent, ElectricityComponent, TransportComponent {

    @Override
    default CreditType type() {
        return CreditType.REDUCTION;
    }

    @Override
    default List<ComponentInput> certainties() {
        return List.of(ComponentInput.CERTAINTY);
    }

    /** The asset the reduction comes from (a vessel, a heat pump), or {@code null} when the sheet names none. */
    String assetId();
}
