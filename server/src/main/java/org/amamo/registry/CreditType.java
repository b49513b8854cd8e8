package org.amamo.registry;

/** Whether a credit stands for CO2 taken out of the atmosphere or for emissions avoided. */
public enum CreditType {
    /** 吸収: CO2 removed by seagrass, seaweed, tidal flats or mangroves. The J Blue Credit's own type. */
    REMOVAL,
    /** 削減: emissions reduced, e.g. by a vessel's lower fuel use. */
    REDUCTION
}
