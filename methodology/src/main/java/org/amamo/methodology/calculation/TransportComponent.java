package org.amamo.methodology.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Transport (methodology.md section 7), e.g. eating locally farmed wakame instead of wakame shipped in:
 * reduction = tonne-kilometres avoided x the transport emission factor, times the certainty. The avoided
 * transport is the baseline's emission; the project's is zero. The factor is an input, with its source.
 *
 * @param id                               component id
 * @param avoidedTonneKilometres           transport avoided, t-km
 * @param transportFactorTonnesCo2PerTonneKm transport emission factor, t-CO2 per t-km
 * @param transportFactorSource            where the factor comes from
 * @param baselineBasis                    how the avoided transport was estimated, or {@code null}
 * @param certainty                        certainty, or {@code null} when not yet scored
 * @param uncertainties                    optional uncertainties of inputs
 * @param assetId the asset the reduction comes from (a vessel, a heat pump), or {@code null}; an asset is claimed
 *     once per crediting year across all applications
 */
public record TransportComponent(
        String id,
        BigDecimal avoidedTonneKilometres,
        BigDecimal transportFactorTonnesCo2PerTonneKm,
        String transportFactorSource,
        String baselineBasis,
        BigDecimal certainty,
        Map<ComponentInput, InputDistribution> uncertainties,
        String assetId)
        implements ReductionComponent {

    /** The method's name in sheets. */
    public static final String METHOD = "reduction-transport";

    private static final List<ComponentInput> INPUTS =
            List.of(ComponentInput.AVOIDED_TONNE_KM, ComponentInput.TRANSPORT_FACTOR, ComponentInput.CERTAINTY);

    /** Copies the uncertainties; they may be given as {@code null} for none. */
    public TransportComponent {
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
            case AVOIDED_TONNE_KM -> avoidedTonneKilometres;
            case TRANSPORT_FACTOR -> transportFactorTonnesCo2PerTonneKm;
            case CERTAINTY -> certainty;
            default -> throw new IllegalArgumentException(input + " is not an input of the transport method");
        };
    }
}
