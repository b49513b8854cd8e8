package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Fuel switch (methodology.md section 7), e.g. a hybrid or LNG tugboat replacing a diesel one:
 * reduction = baseline fuel x its factor - project fuel x its factor, times the certainty. Both factors come
 * from the version's table; liquid fuels are entered in litres (factor per kL), LNG in tonnes (factor per t).
 *
 * @param id            component id
 * @param baseline      fuel the baseline vessel would have burnt for the same work
 * @param baselineBasis how the baseline quantity was estimated, or {@code null}
 * @param project       fuel the project vessel burnt
 * @param certainty     certainty, or {@code null} when not yet scored
 * @param uncertainties optional uncertainties of inputs
 * @param assetId the asset the reduction comes from (a vessel, a heat pump), or {@code null}; an asset is claimed
 *     once per crediting year across all applications
 */
public record FuelSwitchComponent(
        String id,
        FuelQuantity baseline,
        String baselineBasis,
        FuelQuantity project,
        BigDecimal certainty,
        Map<ComponentInput, InputDistribution> uncertainties,
        String assetId)
        implements ReductionComponent {

    /** The method's name in sheets. */
    public static final String METHOD = "reduction-fuel-switch";

    private static final List<ComponentInput> INPUTS = List.of(
            ComponentInput.BASELINE_FUEL_LITRES,
            ComponentInput.BASELINE_FUEL_TONNES,
            ComponentInput.PROJECT_FUEL_LITRES,
            ComponentInput.PROJECT_FUEL_TONNES,
            ComponentInput.CERTAINTY);

    /** Replaces absent parts by empty ones and copies the uncertainties. */
    public FuelSwitchComponent {
        baseline = baseline == null ? new FuelQuantity(null, null, null) : baseline;
        project = project == null ? new FuelQuantity(null, null, null) : project;
        uncertainties = InputDistribution.copy(uncertainties);
    }

    /**
     * A fuel switch without basis or uncertainties.
     *
     * @param id        component id
     * @param baseline  baseline fuel
     * @param project   project fuel
     * @param certainty certainty or {@code null}
     * @return the component
     */
    public static FuelSwitchComponent of(String id, FuelQuantity baseline, FuelQuantity project, BigDecimal certainty) {
        return new FuelSwitchComponent(id, baseline, null, project, certainty, Map.of(), null);
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
            case BASELINE_FUEL_LITRES -> baseline.litres();
            case BASELINE_FUEL_TONNES -> baseline.tonnes();
            case PROJECT_FUEL_LITRES -> project.litres();
            case PROJECT_FUEL_TONNES -> project.tonnes();
            case CERTAINTY -> certainty;
            default -> throw new IllegalArgumentException(input + " is not an input of the fuel switch method");
        };
    }
}
