package org.amamo.identity.internal;

/** Seed 003: a user registers as an individual or on behalf of an organisation (団体). */
enum AccountKind {
    INDIVIDUAL,
    ORGANISATION
}
