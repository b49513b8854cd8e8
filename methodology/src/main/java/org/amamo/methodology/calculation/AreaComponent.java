package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Area method (seed 001 eq. 1): uptake = area x coefficient, times the area and coefficient certainties.
 *
 * @param id                   component id
 * @param ecosystem            ecosystem key of the methodology table, e.g. {@code seagrass}
 * @param areaHectares         area, ha
 * @param ownCoefficient       applicant's own coefficient in t-CO2/ha/yr, or {@code null} for the table's
 * @param coefficientBasis     basis of an own coefficient (literature or own observation), or {@code null}
 * @param areaCertainty        certainty of the area, or {@code null} when not yet scored
 * @param coefficientCertainty certainty of the coefficient, or {@code null} when not yet scored
 * @param uncertainties        optional uncertainties of inputs
 */
public record AreaComponent(
        String id,
        String ecosystem,
        BigDecimal areaHectares,
        BigDecimal ownCoefficient,
        String coefficientBasis,
        BigDecimal areaCertainty,
        BigDecimal coefficientCertainty,
        Map<ComponentInput, InputDistribution> uncertainties)
        implements Component {

    /** The method's name in sheets. */
    public static final String METHOD = "area";

    private static final List<ComponentInput> INPUTS = List.of(
            ComponentInput.AREA_HA,
            ComponentInput.COEFFICIENT,
            ComponentInput.AREA_CERTAINTY,
            ComponentInput.COEFFICIENT_CERTAINTY);

    /** Copies the uncertainties; they may be given as {@code null} for none. */
    public AreaComponent {
        uncertainties = InputDistribution.copy(uncertainties);
    }

    /**
     * An area component without own coefficient or uncertainties.
     *
     * @param id                   component id
     * @param ecosystem            ecosystem key
     * @param areaHectares         area, ha
     * @param areaCertainty        area certainty or {@code null}
     * @param coefficientCertainty coefficient certainty or {@code null}
     * @return the component
     */
    public static AreaComponent of(
            String id,
            String ecosystem,
            BigDecimal areaHectares,
            BigDecimal areaCertainty,
            BigDecimal coefficientCertainty) {
        return new AreaComponent(
                id, ecosystem, areaHectares, null, null, areaCertainty, coefficientCertainty, Map.of());
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
            case AREA_HA -> areaHectares;
            case COEFFICIENT -> ownCoefficient;
            case AREA_CERTAINTY -> areaCertainty;
            case COEFFICIENT_CERTAINTY -> coefficientCertainty;
            default -> throw new IllegalArgumentException(input + " is not an input of the area method");
        };
    }

    @Override
    public List<ComponentInput> certainties() {
        return List.of(ComponentInput.AREA_CERTAINTY, ComponentInput.COEFFICIENT_CERTAINTY);
    }
}
