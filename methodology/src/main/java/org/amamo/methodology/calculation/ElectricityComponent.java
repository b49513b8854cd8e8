package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Electricity (methodology.md section 7), e.g. a seawater heat pump: the energy the baseline would have used,
 * either electricity (x the grid factor) or a fuel (x the table's factor), minus the project's electricity
 * x the grid factor of the crediting year; times the certainty. The grid factor is an input, with its source.
 *
 * @param id                        component id
 * @param baselineElectricityKwh    electricity the baseline would have used, kWh, or {@code null}
 * @param baselineFuel              fuel the baseline would have burnt instead, or an empty quantity
 * @param baselineBasis             how the baseline was estimated, or {@code null}
 * @param projectElectricityKwh     electricity the project used, kWh
 * @param gridFactorTonnesCo2PerKwh grid emission factor of the crediting year, t-CO2/kWh
 * @param gridFactorSource          where the grid factor comes from (e.g. the utility's published factor)
 * @param certainty                 certainty, or {@code null} when not yet scored
 * @param uncertainties             optional uncertainties of inputs
 * @param assetId the asset the reduction comes from (a vessel, a heat pump), or {@code null}; an asset is claimed
 *     once per crediting year across all applications
 */
public record ElectricityComponent(
        String id,
        BigDecimal baselineElectricityKwh,
        FuelQuantity baselineFuel,
        String baselineBasis,
        BigDecimal projectElectricityKwh,
        BigDecimal gridFactorTonnesCo2PerKwh,
        String gridFactorSource,
        BigDecimal certainty,
        Map<ComponentInput, InputDistribution> uncertainties,
        String assetId)
        implements ReductionComponent {

    /** The method's name in sheets. */
    public static final String METHOD = "reduction-electricity";

    private static final List<ComponentInput> INPUTS = List.of(
            ComponentInput.BASELINE_ELECTRICITY_KWH,
            ComponentInput.BASELINE_FUEL_LITRES,
            ComponentInput.BASELINE_FUEL_TONNES,
            ComponentInput.PROJECT_ELECTRICITY_KWH,
            ComponentInput.GRID_FACTOR,
            ComponentInput.CERTAINTY);

    /** Replaces an absent baseline fuel by an empty one and copies the uncertainties. */
    public ElectricityComponent {
        baselineFuel = baselineFuel == null ? new FuelQuantity(null, null, null) : baselineFuel;
        uncertainties = InputDistribution.copy(uncertainties);
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
            case BASELINE_ELECTRICITY_KWH -> baselineElectricityKwh;
            case BASELINE_FUEL_LITRES -> baselineFuel.litres();
            case BASELINE_FUEL_TONNES -> baselineFuel.tonnes();
            case PROJECT_ELECTRICITY_KWH -> projectElectricityKwh;
            case GRID_FACTOR -> gridFactorTonnesCo2PerKwh;
            case CERTAINTY -> certainty;
            default -> throw new IllegalArgumentException(input + " is not an input of the electricity method");
        };
    }
}
