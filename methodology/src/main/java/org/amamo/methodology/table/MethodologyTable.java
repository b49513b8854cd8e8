package org.amamo.methodology.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One published, immutable methodology version: default coefficients and fuel emission factors, each
 * with its source. A correction is a new version, never an edit, so that a sheet recomputes to the same
 * figure forever.
 *
 * @param version               version key recorded in sheets and results, e.g. {@code jbe-2.3}
 * @param title                 human-readable title
 * @param source                the document the version implements
 * @param ownCoefficientAllowed whether an applicant may enter an own coefficient instead of the default
 * @param coefficients          default coefficients in publication order
 * @param emissionFactors       fuel emission factors in publication order
 */
public record MethodologyTable(String version, String title, String source, boolean ownCoefficientAllowed,
                               List<Coefficient> coefficients, List<EmissionFactor> emissionFactors) {

    /** Copies the lists so that the table cannot change after construction. */
    public MethodologyTable {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        coefficients = List.copyOf(coefficients);
        emissionFactors = List.copyOf(emissionFactors);
    }

    /**
     * The default coefficient of an ecosystem.
     *
     * @param ecosystem ecosystem key, e.g. {@code seagrass}
     * @return the coefficient, or empty when the version does not know the ecosystem
     */
    public Optional<Coefficient> coefficient(String ecosystem) {
        return coefficients.stream().filter(c -> c.ecosystem().equals(ecosystem)).findFirst();
    }

    /**
     * The emission factor of a fuel.
     *
     * @param fuel fuel key, e.g. {@code diesel}
     * @return the factor, or empty when the version does not know the fuel
     */
    public Optional<EmissionFactor> emissionFactor(String fuel) {
        return emissionFactors.stream().filter(f -> f.fuel().equals(fuel)).findFirst();
    }

    /**
     * Ecosystem keys in publication order, for messages that list the accepted values.
     *
     * @return the ecosystem keys
     */
    public List<String> ecosystems() {
        return coefficients.stream().map(Coefficient::ecosystem).toList();
    }

    /**
     * Fuel keys in publication order, for messages that list the accepted values.
     *
     * @return the fuel keys
     */
    public List<String> fuels() {
        return emissionFactors.stream().map(EmissionFactor::fuel).toList();
    }

    /**
     * Coefficients by ecosystem, in publication order.
     *
     * @return an unmodifiable map
     */
    public Map<String, Coefficient> coefficientsByEcosystem() {
        Map<String, Coefficient> map = new LinkedHashMap<>();
        coefficients.forEach(c -> map.put(c.ecosystem(), c));
        return Collections.unmodifiableMap(map);
    }
}
