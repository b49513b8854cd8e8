package org.amamo.registry.internal;

/** A block's units are active (held, may move), retired or cancelled (may never move again). */
public enum BlockStatus {
    ACTIVE,
    RETIRED,
    CANCELLED
}
