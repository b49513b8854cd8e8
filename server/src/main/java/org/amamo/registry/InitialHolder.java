package org.amamo.registry;

import java.math.BigDecimal;

/**
 * One initial holder (当初保有者) of a newly issued batch and their share (保有率) in percent. Exactly one of
 * {@code userId} (an individual) and {@code organisationId} (an organisation) is given; the holder's holding
 * account is opened on issuance if they have none yet.
 */
public record InitialHolder(Long userId, Long organisationId, BigDecimal sharePercent) {

    public static InitialHolder user(long userId, String sharePercent) {
        return new InitialHolder(userId, null, new BigDecimal(sharePercent));
    }

    public static InitialHolder organisation(long organisationId, String sharePercent) {
        return new InitialHolder(null, organisationId, new BigDecimal(sharePercent));
    }
}
