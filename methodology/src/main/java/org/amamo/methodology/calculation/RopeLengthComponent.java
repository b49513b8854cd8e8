package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Rope-length method (seed 003, item 5): biomass [t WW] = rope length [m] x yield [kg WW/m] / 1000, then
 * seed 001 eq. 2, times the certainty.
 *
 * @param id                                 component id
 * @param ropeLengthMetres                   culture-rope length, m
 * @param yieldKilogramsWetWeightPerMetre    yield, kg wet weight per m of rope
 * @param species                            species parameters
 * @param certainty                          certainty, or {@code null} when not yet scored
 * @param uncertainties                      optional uncertainties of inputs
 */
public record RopeLengthComponent(
        String id,
        BigDecimal ropeLengthMetres,
        BigDecimal yieldKilogramsWetWeightPerMetre,
        SpeciesParameters species,
        BigDecimal certainty,
        Map<ComponentInput, InputDistribution> uncertainties)
        implements Component {

    /** The method's name in sheets. */
    public static final String METHOD = "rope-length";

    private static final List<ComponentInput> INPUTS = List.of(
            ComponentInput.ROPE_LENGTH_M,
            ComponentInput.YIELD_KG_WW_PER_M,
            ComponentInput.PB,
            ComponentInput.WATER_CONTENT,
            ComponentInput.CARBON_CONTENT,
            ComponentInput.RESIDUAL_RATE,
            ComponentInput.CERTAINTY);

    /** Copies the uncertainties; they may be given as {@code null} for none. */
    public RopeLengthComponent {
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
        return switch (input) {
            case ROPE_LENGTH_M -> ropeLengthMetres;
            case YIELD_KG_WW_PER_M -> yieldKilogramsWetWeightPerMetre;
            case CERTAINTY -> certainty;
            default -> Species.value(species, input);
        };
    }

    @Override
    public List<ComponentInput> certainties() {
        return List.of(ComponentInput.CERTAINTY);
    }
}
