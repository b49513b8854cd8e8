package org.amamo.application;

/**
 * Where an area component's uptake coefficient comes from (seed 002, 手法：吸収係数): a published value (the
 * methodology's table, a paper) or the project's own measurement. Names in the bundles as
 * {@code survey.basis.LITERATURE}.
 */
public enum CoefficientBasisType {
    LITERATURE,
    MEASURED;

    /** The type named {@code code}, or null when there is none of that name. */
    public static CoefficientBasisType of(String code) {
        for (CoefficientBasisType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
