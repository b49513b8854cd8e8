package org.amamo.application;

/**
 * What kind of body implements the project (seed 002, 実施者: fishery cooperatives, local groups, municipalities,
 * companies, universities). Recorded on the application; names in the bundles as
 * {@code survey.implementer.FISHERY_COOPERATIVE}.
 */
public enum ImplementerType {
    FISHERY_COOPERATIVE,
    MUNICIPALITY,
    COMPANY,
    NPO,
    RESEARCH_INSTITUTE,
    PORT_AUTHORITY,
    OTHER;

    /** The type named {@code code}, or null when there is none of that name. */
    public static ImplementerType of(String code) {
        for (ImplementerType type : values()) {
            if (type.name().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
