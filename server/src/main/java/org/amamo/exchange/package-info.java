/**
 * The exchange (issue "Exchange: call auctions for blue carbon credits"): a market in the manner of JPX's carbon
 * credit market, where limit orders meet in call auctions (板寄せ) at fixed times, price first, then time.
 *
 * <p>This first slice is the domain core: orders ({@link org.amamo.exchange.Order}), price limits around the
 * reference price ({@link org.amamo.exchange.PriceLimits}) and the call auction itself
 * ({@link org.amamo.exchange.CallAuction}), pure and deterministic. The orders API, escrow, the auction scheduler,
 * settlement through the registry and the public market data are later slices built on it (docs/exchange.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.amamo.exchange;
