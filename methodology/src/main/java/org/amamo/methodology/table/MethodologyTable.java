package org.amamo.methodology.table;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.amamo.methodology.CreditType;

/**
 * One published, immutable methodology version: default coefficients and fuel emission factors, each
 * with its source. A correction is a new version, never an edit, so that a sheet recomputes to the same
 * figure forever.
 *
 * @param version               version key recorded in sheets and results, e.g. {@code jbe-2.3}
 * @param title                 human-readable title
 * @param source                the document the version implements
 * @param creditTypes           the kinds of sheet the version publishes methods for
 * @param ownCoefficientAllowed whether an applicant may enter an own coefficient instead of the default
 * @param coefficients          default coefficients in publication order
 * @param emissionFactors       fuel emission factors in publication order
 */
public record MethodologyTable(
        String version,
        String title,
        String source,
        Set<CreditType> creditTypes,
        boolean ownCoefficientAllowed,
        List<Coefficient> coefficients,
        List<EmissionFactor> emissionFactors) {

    /** Copies the collections so that the table cannot change after construction. */
    public MethodologyTable {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        if (creditTypes.isEmpty()) {
            throw new IllegalArgumentException(version + ": a table publishes methods for at least one credit type");
        }
        creditTypes = Collections.unmodifiableSet(EnumSet.copyOf(creditTypes));
        coefficients = List.copyOf(coefficients);
        emissionFactors = List.copyOf(emissionFactors);
    }

    /**
     * A table of removal methods, as every version was before reductions were added.
     *
     * @param version               version key
     * @param title                 human-readable title
     * @param source                the document the version implements
     * @param ownCoefficientAllowed whether an own coefficient is accepted
     * @param coefficients          default coefficients
     * @param emissionFactors       fuel emission factors
     */
    public MethodologyTable(
            String version,
            String title,
            String source,
            boolean ownCoefficientAllowed,
            List<Coefficient> coefficients,
            List<EmissionFactor> emissionFactors) {
        this(version, title, source, Set.of(CreditType.REMOVAL), ownCoefficientAllowed, coefficients, emissionFactors);
    }

    /**
     * Whether sheets of a type may use this version.
     *
     * @param type removal or reduction
     * @return true when the version publishes methods for that type
     */
    public boolean supports(CreditType type) {
        return creditTypes.contains(type);
    }

    /**
     * The default coefficient of an ecosystem.
     *
     * @param ecosystem ecosystem key, e.g. {@code seagrass}
     * @return the coefficient, or empty when the version does not know the ecosystem
     */
    public Optional<Coefficient> coefficient(String ecosystem) {
        return coefficients.stream()
                .filter(c -> c.ecosystem().equals(ecosystem))
                .findFirst();
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
