package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Farm biomass method (seed 001 eq. 2): uptake = biomass x P/B x (1 - water content) x carbon content
 * x 44/12 x residual rate, times the certainty.
 *
 * @param id                     component id
 * @param biomassTonnesWetWeight farmed biomass, t wet weight
 * @param species                species parameters
 * @param certainty              certainty, or {@code null} when not yet scored
 * @param uncertainties          optional uncertainties of inputs
 */
public record FarmBiomassComponent(
        String id,
        BigDecimal biomassTonnesWetWeight,
        SpeciesParameters species,
        BigDecimal certainty,
        Map<ComponentInput, InputDistribution> uncertainties)
        implements Component {

    /** The method's name in sheets. */
    public static final String METHOD = "farm-biomass";

    private static final List<ComponentInput> INPUTS = List.of(
            ComponentInput.BIOMASS_TWW,
            ComponentInput.PB,
            ComponentInput.WATER_CONTENT,
            ComponentInput.CARBON_CONTENT,
            ComponentInput.RESIDUAL_RATE,
            ComponentInput.CERTAINTY);

    /** Copies the uncertainties; they may be given as {@code null} for none. */
    public FarmBiomassComponent {
        uncertainties = InputDistribution.copy(uncertainties);
        species = species == null ? new SpeciesParameters(null, null, null, null, null) : species;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public List<ComponentInput> inputs() {
        return INPUTS;
    }

    @Override
    public BigDecimal value(ComponentInput input) {
        if (input == ComponentInput.BIOMASS_TWW) {
            return biomassTonnesWetWeight;
        }
        if (input == ComponentInput.CERTAINTY) {
            return certainty;
        }
        return Species.value(species, input);
    }

    @Override
    public List<ComponentInput> certainties() {
        return List.of(ComponentInput.CERTAINTY);
    }
}
