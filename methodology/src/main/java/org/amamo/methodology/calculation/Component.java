package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.amamo.methodology.CreditType;

/**
 * One ecosystem or one farmed species of a project in one crediting year (a removal), or one source of
 * avoided emissions (a {@link ReductionComponent}). Fields may be {@code null}
 * (absent) so that a sheet can be built as entered and then validated; only a sheet without
 * {@link org.amamo.methodology.FieldError}s is calculated.
 */
public sealed interface Component permits AreaComponent, FarmBiomassComponent, RopeLengthComponent, ReductionComponent {

    /**
     * The kind of sheet this method belongs on; a sheet never mixes the two.
     *
     * @return {@link CreditType#REMOVAL} unless the component is a reduction
     */
    default CreditType type() {
        return CreditType.REMOVAL;
    }

    /**
     * The component's id, unique within its year.
     *
     * @return the id
     */
    String id();

    /**
     * The method's name as written in sheets: {@code area}, {@code farm-biomass}, {@code rope-length},
     * {@code reduction-fuel-switch}, {@code reduction-electricity} or {@code reduction-transport}.
     *
     * @return the method name
     */
    String method();

    /**
     * The numeric inputs this method uses, in sheet order.
     *
     * @return the inputs
     */
    List<ComponentInput> inputs();

    /**
     * The value entered for an input, or {@code null} when absent.
     *
     * @param input one of {@link #inputs()}
     * @return the value
     */
    BigDecimal value(ComponentInput input);

    /**
     * Uncertainties attached to inputs, for the informative Monte Carlo band.
     *
     * @return the distributions by input; empty when none
     */
    Map<ComponentInput, InputDistribution> uncertainties();

    /**
     * The certainty factors of this method, absent ones included, for the provisional rule.
     *
     * @return the certainty inputs
     */
    List<ComponentInput> certainties();
}
