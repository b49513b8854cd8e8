package org.amamo.registry.internal;

/** Whether a retirement offsets all of the emissions it names, or part of them. */
public enum OffsetCoverage {
    /** 全量: the retired tonnes cover the emissions stated. */
    ALL,
    /** 一部: the retired tonnes cover less than the emissions stated. */
    PART
}
