/**
 * The exchange (issue "Exchange: call auctions for blue carbon credits"): a market in the manner of JPX's carbon
 * credit market, where limit orders meet in call auctions (板寄せ) at fixed times, price first, then time.
 *
 * <p>The domain core is pure and deterministic: orders ({@link org.amamo.exchange.Order}), price limits around the
 * reference price ({@link org.amamo.exchange.PriceLimits}), the call auction itself
 * ({@link org.amamo.exchange.CallAuction}) and the trading calendar ({@link org.amamo.exchange.TradingCalendar}).
 * Built on it (internal): instruments per trading category, traders approved by the secretariat, and limit orders
 * whose sell side rests in the instrument's escrow account in the registry, moved only through
 * {@link org.amamo.registry.MarketSettlement}; the auctions, run once per instrument and scheduled time, with their
 * contracts and their settlement; the public market data (indicative prices, auction results) on pages, in the API
 * and CSV, and in the market's published prices through {@link org.amamo.exchange.ExchangePrices} (docs/exchange.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package org.amamo.exchange;
