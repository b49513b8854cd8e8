package org.amamo.registry;

/**
 * Issues the credits of a certified project (発行). The application workflow calls it when an application is
 * certified; the secretariat's issuance screen calls it too.
 *
 * <p>The batch's units are shared among the initial holders by the largest-remainder method: each holder first
 * receives the whole units of their exact share ({@code creditUnits * sharePercent / 100}, rounded down); the
 * units left over go one each to the holders with the largest fractional parts, ties going to the holder listed
 * first. The holders' units therefore add up to {@code creditUnits} exactly and each holder is within one unit of
 * their exact share. Holders receive consecutive serial ranges in the order listed.
 */
public interface CreditIssuance {

    /**
     * Issues one batch, or refuses with reasons and changes nothing. Calling again with the same
     * {@link IssuanceRequest#reference()} returns the first result.
     */
    IssuanceResult issue(IssuanceRequest request);
}
