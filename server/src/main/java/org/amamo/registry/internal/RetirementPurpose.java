package org.amamo.registry.internal;

/** Why credits are retired (seed 001's offset-usage table): the disclosure every retirement carries. */
public enum RetirementPurpose {
    /** イベント: offsetting an event's emissions. */
    EVENT,
    /** 企業活動: a company's own emissions (e.g. for the reporting scheme). */
    CORPORATE,
    /** 製品・サービス: a product's or service's emissions. */
    PRODUCT,
    /** 個人: a person's emissions. */
    INDIVIDUAL,
    /** その他. */
    OTHER
}
