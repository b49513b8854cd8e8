/**
 * The market (issue 7): buyer solicitation rounds (購入者公募) — consignment to escrow, sealed bids, allocation by a
 * published rule, settlement — and bilateral trades reported with a price; both feed the published prices.
 *
 * <p>The market asks the registry to move credits through {@link org.amamo.registry.MarketSettlement} and never
 * touches its tables. Other features read prices through {@link org.amamo.market.MarketPrices}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market")
package org.amamo.market;
